# cmake -DOUTPUT=examples.cpp -DDIR=assets/examples -P embed_examples.cmake
# Writes one C++ file holding every example draft as a NUL-terminated string, with its file
# name, so File > Examples works in the single-file build with nothing fetched.
file(GLOB FILES "${DIR}/*.parley.json")
list(SORT FILES)
set(body "")
set(table "")
set(i 0)
foreach(path ${FILES})
  file(READ "${path}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
  get_filename_component(name "${path}" NAME)
  string(APPEND body "static const unsigned char example_${i}[] = {\n${bytes}0x00};\n")
  string(APPEND table "    {\"${name}\", (const char*)example_${i}},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUTPUT}" "// Generated from assets/examples/ by tools/embed_examples.cmake. Do not edit.\n"
  "#include \"ui/examples.h\"\n${body}\n"
  "const EmbeddedExample g_examples[] = {\n${table}};\n"
  "const int g_example_count = ${i};\n")
