// Share links: a whole draft carried in a link's fragment (after '#', which browsers never send
// to a server), as   <the page's own address>#parley=v1.<base64url of deflate-raw of the UTF-8 JSON>
// The page (web/shell.js) makes links for File > Copy share link and reads them at start-up and
// on hashchange; bench/link-lengths.mjs measures them with this same code under Node.
//
// A link is hostile input: anyone can write one. Reading it checks every character, unpacks the
// data in small steps and stops as soon as it grows past the size File > Open accepts (a
// "deflate bomb" never gets the memory it asks for), and hands the bytes over undecoded, so the
// app's strict import reports invalid UTF-8 and anything else wrong, with where it is.
(function (root) {
  'use strict';

  const PREFIX = 'parley=';     // ours: '#parley=...'; any other fragment is an ordinary anchor
  const VERSION = 'v1';         // a later format gets 'v2.' and this version says so
  // Chromium refuses addresses longer than 2 MiB (url::kMaxURLChars); a longer link would not
  // even reach the page, so none is offered.
  const MAX_LINK_CHARS = 2 * 1024 * 1024;
  // Input is fed to the decompressor this many bytes at a time: deflate expands at most about
  // 1,032 times, so one step can never produce more than about 1 MB before the size is checked.
  const INFLATE_STEP = 1024;

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const VALUE = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

  const formatCount = (n) => n.toLocaleString('en-GB');

  function toBase64Url(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // Strict: only the 64 characters of base64url, no padding, no spaces, and the bits left over
  // in the last character must be zero. Returns {bytes} or {message}.
  function fromBase64Url(text) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128 || VALUE[c] < 0) {
        const shown = text[i] === ' ' ? 'a space' : text[i] === '%' ? "'%' (the link was re-encoded on the way)" : `'${text[i]}'`;
        return { message: `The link is damaged: character ${formatCount(i + 1)} of its data is ${shown}, and a share link ` +
          'holds only letters, digits, - and _. It may have been changed on the way (by a mail program or chat tool): ask for it again, or for the file.' };
      }
    }
    if (text.length % 4 === 1) {
      return { message: 'The link is cut short: its data stops part-way through a character. Copy the whole link, or ask for the file.' };
    }
    const out = new Uint8Array(Math.floor((text.length * 3) / 4));
    let o = 0, acc = 0, bits = 0;
    for (let i = 0; i < text.length; i++) {
      acc = (acc << 6) | VALUE[text.charCodeAt(i)];
      bits += 6;
      if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 0xFF; }
      acc &= (1 << bits) - 1;
    }
    if (acc !== 0) {
      return { message: 'The link is cut short or damaged at its end: its last character cannot end a share link. Copy the whole link, or ask for the file.' };
    }
    return { bytes: out };
  }

  async function deflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function inflateProblem(err) {
    const what = String(err && err.message || err);
    if (/truncat|unexpected end/i.test(what))
      return 'The link is cut short: its compressed data ends before the draft does. Copy the whole link, or ask for the file.';
    if (/junk|after end/i.test(what))
      return 'The link is damaged: there is more data after the end of the draft. Ask for the link again, or for the file.';
    return `The link is damaged: its compressed data is not valid (${what}). Ask for the link again, or for the file.`;
  }

  // Unpacks deflate-raw data, stopping once the output passes maxBytes. Returns {bytes} or {message}.
  async function inflateLimited(bytes, maxBytes) {
    const ds = new DecompressionStream('deflate-raw');
    const writer = ds.writable.getWriter();
    const reader = ds.readable.getReader();
    let stop = false;
    // Written a step at a time while the loop below reads: the stream's backpressure then holds
    // each step back until the output of the last one has been counted.
    const writing = (async () => {
      for (let i = 0; i < bytes.length && !stop; i += INFLATE_STEP) {
        await writer.ready;
        await writer.write(bytes.subarray(i, i + INFLATE_STEP));
      }
      if (!stop) await writer.close();
    })();
    writing.catch(() => {});   // the same error reaches the reader, which reports it
    const chunks = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > maxBytes) {
          stop = true;
          reader.cancel().catch(() => {});
          writer.abort().catch(() => {});
          const mb = Math.round(maxBytes / 1048576);
          return { message: `The draft in the link unpacks to more than ${mb} MB, the most Parley opens from a file or a link. ` +
            'A link this size is not one Parley makes: it may be damaged, or made to do harm. Ask for the file instead.' };
        }
        chunks.push(value);
      }
      await writing;
    } catch (err) {
      return { message: inflateProblem(err) };
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return { bytes: out };
  }

  // The link for a draft's JSON text. `base` is the page's own address without its fragment.
  async function makeLink(text, base) {
    const packed = await deflate(new TextEncoder().encode(text));
    return base.split('#')[0] + '#' + PREFIX + VERSION + '.' + toBase64Url(packed);
  }

  // Reads a location.hash. Returns null when the fragment is not a share link (an ordinary
  // anchor, or none: ignored quietly), else {bytes} (the draft's JSON, undecoded) or {message}
  // (what is wrong, in words).
  async function readFragment(hash, maxBytes) {
    const fragment = String(hash || '').replace(/^#/, '');
    if (!fragment.startsWith(PREFIX)) return null;
    const rest = fragment.slice(PREFIX.length);
    const dot = rest.indexOf('.');
    const version = dot < 0 ? '' : rest.slice(0, dot);
    if (version !== VERSION) {
      if (/^v\d+$/.test(version))
        return { message: `The link was made by a newer version of Parley (its format is ${version}; this version reads ${VERSION}). ` +
          'Open it in the newer Parley, or ask for the file.' };
      return { message: 'The link is damaged: it does not say which format it is in (it should start #parley=v1.). Ask for it again, or for the file.' };
    }
    const data = rest.slice(dot + 1);
    if (data.length === 0) return { message: 'The link is cut short: it holds no draft at all. Copy the whole link, or ask for the file.' };
    if (data.length > MAX_LINK_CHARS)
      return { message: `The link is ${formatCount(data.length)} characters long, more than browsers accept in an address. Ask for the file instead.` };
    const decoded = fromBase64Url(data);
    if (!decoded.bytes) return decoded;
    return inflateLimited(decoded.bytes, maxBytes);
  }

  root.ParleyShareLink = { PREFIX, VERSION, MAX_LINK_CHARS, makeLink, readFragment, toBase64Url, fromBase64Url, deflate };
})(typeof window !== 'undefined' ? window : globalThis);
