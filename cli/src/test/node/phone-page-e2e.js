// Drives the phone page in Debian's Chromium (headless, through playwright-core) at a phone's size,
// with the skill on the other side through the test's control server. Prints one JSON line: what
// the page said and what storage held after each step; the JUnit test asserts on it.
//   node phone-page-e2e.js PAGE_URL CONTROL_URL SCREENSHOT_DIR PICTURES_DIR
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [pageUrl, control, shots, pictures] = process.argv.slice(2);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function call(pathAndQuery, method = 'GET') {
  const r = await fetch(control + pathAndQuery, { method });
  if (!r.ok) throw new Error(`control ${pathAndQuery}: ${r.status}`);
  return r.json();
}

const codeIn = (speech) => {
  const m = /enter the code ((?:\d ){5}\d)/.exec(speech);
  if (!m) throw new Error(`no code in: ${speech}`);
  return m[1].replace(/ /g, '');
};
const otherThan = (code, k) => String((Number(code) + k) % 1000000).padStart(6, '0');

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cuddlies-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const report = { steps: [], axe: [], speech: [] };
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (e) => report.steps.push({ name: 'page-error', message: String(e) }));
    let shot = 0;
    const message = async () => (await page.textContent('#message')).trim();
    const waitForMessage = async (pattern) => {
      try {
        await page.waitForFunction((p) => new RegExp(p).test(document.getElementById('message').textContent),
          pattern, { timeout: 20000 });
      } catch (e) {
        throw new Error(`the page did not say /${pattern}/; it says: ${await message()}`);
      }
      return message();
    };
    const step = async (name, text) => {
      shot += 1;
      await page.screenshot({ path: path.join(shots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
      report.steps.push({ name, message: text, stored: (await call('/stored')).keys });
    };
    const axe = async (name) => {
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      report.axe.push({ name, violations: result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })) });
    };
    const enterCode = async (code) => {
      await page.fill('#code', code);
      await page.click('#pair-form button[type=submit]');
    };
    const say = async (text) => {
      const answer = await call(`/say?text=${encodeURIComponent(text)}`);
      report.speech.push({ said: text, speech: answer.speech, card: answer.card });
      return answer;
    };

    await page.goto(pageUrl);
    await page.waitForSelector('#pair:not([hidden])');
    await step('start', await message());
    await axe('pair');

    // A wrong code, then the right one once its ten minutes are over.
    const first = codeIn((await say('link my phone')).speech);
    await enterCode(otherThan(first, 1));
    await step('wrong-code', await waitForMessage("isn't right"));
    await call('/advance?minutes=11', 'POST');
    await enterCode(first);
    await step('expired-code', await waitForMessage('expired'));

    // Five wrong tries, then the sixth is refused even with the right code.
    const second = codeIn((await say('link my phone')).speech);
    for (let k = 1; k <= 5; k += 1) {
      await enterCode(otherThan(second, k));
      await waitForMessage(k < 5 ? `${5 - k} tr` : 'last try');
    }
    await enterCode(second);
    await step('sixth-try', await waitForMessage('Too many tries'));
    await call('/advance?minutes=11', 'POST');

    // Pairing for real, with the keyboard only, from "make a cuddlie" with no picture yet.
    const third = codeIn((await say('make a cuddlie')).speech);
    await page.fill('#code', '');
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    let tabs = 0;
    while (await page.evaluate(() => document.activeElement.id) !== 'code' && tabs < 20) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    await page.keyboard.type(third);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#upload:not([hidden])');
    await step('paired', await waitForMessage('linked'));
    await axe('paired');

    // Bad files: each refused on the page with nothing stored.
    await page.setInputFiles('#picture', path.join(pictures, 'notes.png'));
    await step('text-file', await waitForMessage("isn't a picture"));
    await page.setInputFiles('#picture', path.join(pictures, 'forty-megabytes.jpg'));
    await step('forty-megabytes', await waitForMessage('MB'));
    await page.setInputFiles('#picture', path.join(pictures, 'forty-one-megapixels.png'));
    await step('forty-one-megapixels', await waitForMessage('megapixels'));

    // The connection drops while the picture is on its way.
    await call('/cut-uploads?on=true', 'POST');
    await page.setInputFiles('#picture', path.join(pictures, 'dodo.png'));
    const dropped = await waitForMessage('connection dropped');
    await call('/cut-uploads?on=false', 'POST');
    await step('connection-dropped', dropped);

    // The picture arrives.
    await page.setInputFiles('#picture', path.join(pictures, 'dodo.png'));
    await step('uploaded', await waitForMessage('Got it'));

    // "Alexa, ask cuddly maker to make a cuddly toy", then the pattern on the page.
    await say('make a cuddlie');
    await page.click('#refresh');
    await page.waitForSelector('#pattern-list li');
    await step('pattern-listed', await message());
    await axe('patterns');
    const pdfHref = await page.getAttribute('#pattern-list a[aria-label^="Download PDF"]', 'href');
    const pdf = await page.request.get(new URL(pdfHref, pageUrl).toString());
    const pdfBytes = await pdf.body();
    report.pdf = { status: pdf.status(), contentType: pdf.headers()['content-type'], magic: pdfBytes.subarray(0, 5).toString('latin1'), bytes: pdfBytes.length };
    // The stuffed toy beside its outline, loaded by the browser as shown.
    report.stuffedImage = await page.evaluate(() => {
      const img = document.querySelector('#pattern-list img[alt*="stuffed"]');
      return img ? { alt: img.alt, complete: img.complete, naturalWidth: img.naturalWidth } : null;
    });

    // Delete everything, with the keyboard.
    await page.focus('#forget-start');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#forget-confirm:not([hidden])');
    await page.keyboard.press('Shift+Tab');
    report.confirmFocus = await page.evaluate(() => document.activeElement.id);
    await page.keyboard.press('Enter');
    await step('deleted', await waitForMessage('Everything is deleted'));
    await page.reload();
    await page.waitForSelector('#pair:not([hidden])');
    report.pairedAfterReload = await page.isVisible('#upload');
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(report));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
