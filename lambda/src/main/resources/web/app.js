// The phone page: pair with a code from Alexa, send one picture (made smaller and stripped of its
// metadata here, then posted straight to storage with a presigned form), see and delete patterns.
'use strict';

const MAX_FILE_MB = 30;            // a picked file larger than this is refused before it is read
const MAX_PIXELS = 40_000_000;     // the outline engine refuses larger pictures too
const TARGET_PIXELS = 4_000_000;   // what is sent: at most 4 megapixels
const MAX_UPLOAD_BYTES = 15 * 1024 * 1024; // what the upload form accepts

const $ = (id) => document.getElementById(id);

const say = {
  paired: 'This phone is linked. Now send a picture.',
  notACode: 'The code has 6 digits. Please type all 6.',
  wrongCode: (left) => left > 0
    ? `That code isn't right. You have ${left} ${left === 1 ? 'try' : 'tries'} left.`
    : "That code isn't right, and that was the last try. Wait 10 minutes, then ask Alexa for a new code.",
  expired: 'That code has expired: codes work for 10 minutes. Say "Alexa, ask cuddly maker to link my phone" for a new one.',
  tooManyTries: (minutes) => `Too many tries. For safety, wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then ask Alexa for a new code.`,
  notPaired: 'This phone is not linked any more. Ask Alexa for a new code.',
  unavailable: 'Something went wrong on our side. Nothing was lost; please try again in a minute.',
  fileTooBig: (mb) => `That file is ${mb} MB. Please pick a picture under ${MAX_FILE_MB} MB.`,
  notAPicture: "That file isn't a picture I can read. Please pick a photo or a PNG or JPEG picture.",
  tooManyPixels: (mp) => `That picture is ${mp} megapixels. Pictures up to 40 megapixels work: please pick a smaller one.`,
  preparing: 'Getting your picture ready…',
  sending: 'Sending your picture…',
  sent: 'Got it! Now say: "Alexa, ask cuddly maker to make a cuddly toy."',
  offline: "The picture didn't arrive: the connection dropped. Nothing was saved. Please check your connection and try again.",
  refused: "The picture wasn't accepted. Nothing was saved. Please try again.",
  deleted: 'The pattern is deleted.',
  forgotten: 'Everything is deleted: your pictures, patterns and this phone\'s link. Ask Alexa for a new code to start again.',
};

class PageError extends Error {}

function show(text, kind) {
  const m = $('message');
  m.textContent = text;
  m.className = kind || '';
}

async function api(method, path, body) {
  const init = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new PageError(say.offline);
  }
  const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
  return { status: response.status, data };
}

function view(paired) {
  $('pair').hidden = paired;
  $('upload').hidden = !paired;
  $('patterns').hidden = !paired;
  $('forget').hidden = !paired;
}

// ---- pairing ----

async function pair(event) {
  event.preventDefault();
  const code = $('code').value.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) {
    show(say.notACode, 'error');
    $('code').focus();
    return;
  }
  try {
    const { status, data } = await api('POST', '/api/pair', { code });
    if (status === 200) {
      $('code').value = '';
      view(true);
      show(say.paired, 'ok');
      await listPatterns();
      $('picture').focus();
      return;
    }
    if (data.error === 'wrong-code') show(say.wrongCode(data.triesLeft), 'error');
    else if (data.error === 'expired') show(say.expired, 'error');
    else if (data.error === 'too-many-tries') show(say.tooManyTries(data.retryAfterMinutes), 'error');
    else if (data.error === 'not-a-code') show(say.notACode, 'error');
    else show(say.unavailable, 'error');
    $('code').focus();
  } catch (e) {
    show(e instanceof PageError ? e.message : say.unavailable, 'error');
  }
}

// ---- the picture ----

function isPicture(b) {
  const ascii = (from, to) => String.fromCharCode(...b.slice(from, to));
  return (b[0] === 0x89 && ascii(1, 4) === 'PNG')
    || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    || ascii(0, 4) === 'GIF8'
    || ascii(0, 2) === 'BM'
    || (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
    || ascii(4, 8) === 'ftyp'; // HEIC/AVIF from phones: sent if this browser can open it
}

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new PageError(say.notAPicture));
    img.src = url;
  });
}

function toBlob(canvas, type, quality) {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** The picture at 4 megapixels at most, re-encoded from pixels: no EXIF, no location, no metadata. */
async function prepare(file, maxBytes) {
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    throw new PageError(say.fileTooBig(Math.round(file.size / (1024 * 1024))));
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (!isPicture(head)) throw new PageError(say.notAPicture);
  const url = URL.createObjectURL(file);
  try {
    const img = await loadImage(url); // the size is known before the pixels are decoded
    const pixels = img.naturalWidth * img.naturalHeight;
    if (pixels === 0) throw new PageError(say.notAPicture);
    if (pixels > MAX_PIXELS) throw new PageError(say.tooManyPixels(Math.round(pixels / 1e6)));
    const scale = Math.min(1, Math.sqrt(TARGET_PIXELS / pixels));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.floor(img.naturalHeight * scale));
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    // PNG keeps transparency, which the outline uses; photos go as JPEG.
    let type = head[0] === 0x89 ? 'image/png' : 'image/jpeg';
    let blob = await toBlob(canvas, type, 0.9);
    if (!blob || blob.size > maxBytes) {
      type = 'image/jpeg';
      blob = await toBlob(canvas, type, 0.85);
    }
    if (!blob) throw new PageError(say.notAPicture);
    return { blob, type };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function post(form, blob, type) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    Object.entries(form.fields).forEach(([name, value]) => data.append(name, value));
    data.append('Content-Type', type);
    data.append('file', blob, type === 'image/png' ? 'picture.png' : 'picture.jpg'); // the file goes last
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    const bar = $('progress');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new PageError(say.refused)));
    xhr.onerror = () => reject(new PageError(say.offline));
    xhr.ontimeout = () => reject(new PageError(say.offline));
    xhr.onabort = () => reject(new PageError(say.offline));
    xhr.timeout = 120000;
    xhr.send(data);
  });
}

async function send() {
  const input = $('picture');
  const file = input.files && input.files[0];
  if (!file) return;
  const bar = $('progress');
  $('chosen').hidden = true;
  try {
    show(say.preparing);
    const { blob, type } = await prepare(file, MAX_UPLOAD_BYTES);
    const { status, data: form } = await api('POST', '/api/uploads', { type });
    if (status === 401) { view(false); throw new PageError(say.notPaired); }
    if (status !== 200) throw new PageError(say.unavailable);
    show(say.sending);
    bar.value = 0;
    bar.hidden = false;
    await post(form, blob, type);
    const chosen = $('chosen');
    chosen.src = URL.createObjectURL(blob);
    chosen.hidden = false;
    show(say.sent, 'ok');
  } catch (e) {
    show(e instanceof PageError ? e.message : say.unavailable, 'error');
  } finally {
    bar.hidden = true;
    input.value = '';
  }
}

// ---- patterns ----

function madeWords(iso) {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function link(href, text, label) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.setAttribute('aria-label', label);
  a.rel = 'noopener';
  return a;
}

async function listPatterns() {
  const { status, data } = await api('GET', '/api/patterns');
  if (status === 401) { view(false); return; }
  if (status !== 200) { show(say.unavailable, 'error'); return; }
  const list = $('pattern-list');
  list.replaceChildren();
  $('no-patterns').hidden = data.patterns.length > 0;
  data.patterns.forEach((p) => {
    const when = madeWords(p.made);
    const item = document.createElement('li');
    item.dataset.id = p.id;
    if (p.preview) {
      const img = document.createElement('img');
      img.src = p.preview;
      img.alt = `Preview of the pattern made ${when}`;
      item.append(img);
    }
    if (p.stuffed) {
      const img = document.createElement('img');
      img.src = p.stuffed;
      img.alt = `The toy made ${when}, stuffed, beside its outline`;
      item.append(img);
    }
    const title = document.createElement('p');
    title.textContent = `Made ${when}`;
    item.append(title);
    const links = document.createElement('p');
    links.className = 'links';
    if (p.pdf) links.append(link(p.pdf, 'Download PDF', `Download PDF of the pattern made ${when}`), ' ');
    if (p.svg) links.append(link(p.svg, 'Download SVG', `Download SVG of the pattern made ${when}`));
    item.append(links);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Delete';
    remove.setAttribute('aria-label', `Delete the pattern made ${when}`);
    remove.addEventListener('click', () => deletePattern(p.id));
    item.append(remove);
    list.append(item);
  });
}

async function deletePattern(id) {
  try {
    const { status } = await api('DELETE', `/api/patterns/${encodeURIComponent(id)}`, {});
    if (status === 204) show(say.deleted, 'ok');
    else show(say.unavailable, 'error');
    await listPatterns();
    $('refresh').focus();
  } catch (e) {
    show(e instanceof PageError ? e.message : say.unavailable, 'error');
  }
}

async function forget() {
  try {
    const { status } = await api('POST', '/api/forget', {});
    if (status !== 200) { show(say.unavailable, 'error'); return; }
    $('forget-confirm').hidden = true;
    $('pattern-list').replaceChildren();
    view(false);
    show(say.forgotten, 'ok');
    $('code').focus();
  } catch (e) {
    show(e instanceof PageError ? e.message : say.unavailable, 'error');
  }
}

// ---- start ----

async function start() {
  $('pair-form').addEventListener('submit', pair);
  $('picture').addEventListener('change', send);
  $('refresh').addEventListener('click', () => listPatterns().catch(() => show(say.unavailable, 'error')));
  $('forget-start').addEventListener('click', () => { $('forget-confirm').hidden = false; $('forget-no').focus(); });
  $('forget-no').addEventListener('click', () => { $('forget-confirm').hidden = true; $('forget-start').focus(); });
  $('forget-yes').addEventListener('click', forget);
  // From the QR code on an Echo Show: /go#code=123456 (a fragment never reaches a server log).
  const fromQr = /^#code=(\d{6})$/.exec(window.location.hash);
  if (fromQr) {
    $('code').value = fromQr[1];
    history.replaceState(null, '', window.location.pathname);
  }
  try {
    const { status, data } = await api('GET', '/api/session');
    view(status === 200 && data.paired);
    if (data.paired) await listPatterns();
  } catch (e) {
    view(false);
    show(e instanceof PageError ? e.message : say.unavailable, 'error');
  }
}

document.addEventListener('DOMContentLoaded', start);
