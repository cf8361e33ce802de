// Drives the self-hosted skill server with virtual-alexa, a third-party Alexa simulator, using the
// project's own interaction model. Line protocol: one JSON step per line on stdin
// ({"launch":true}, {"utter":"make a teddy"}, {"reset":true} to end the session without a request),
// one JSON answer per line on stdout: what was sent (intent, slots) and what came back.
//   node virtual-alexa-e2e.js SKILL_URL MODEL_FILE USER_ID SKILL_ID LOCALE
//
// virtual-alexa knows number words only up to twenty and leaves durations as spoken; Alexa sends
// digits and ISO-8601 durations in AMAZON.NUMBER and AMAZON.DURATION slots. The request filter
// below does that normalisation, as Alexa would, before the request leaves for the skill.
const { VirtualAlexa } = require('virtual-alexa');
const fs = require('fs');
const readline = require('readline');

const [skillUrl, modelFile, userId, skillId, locale] = process.argv.slice(2);
const model = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
const slotTypes = {};
for (const intent of model.interactionModel.languageModel.intents) {
  for (const slot of intent.slots || []) slotTypes[`${intent.name}.${slot.name}`] = slot.type;
}

const WORDS = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90 };
function number(text) {
  const t = text.trim().toLowerCase();
  if (/^[0-9]+(\.[0-9]+)?$/.test(t)) return t;
  let total = 0;
  for (const w of t.split(/[\s-]+/)) {
    if (!(w in WORDS)) return '?';
    total += WORDS[w];
  }
  return String(total);
}
function duration(text) {
  const t = text.trim().toLowerCase();
  if (/^p/i.test(t)) return text;
  const m = t.match(/^(half an hour|an hour and a half|(.+?) (minutes?|hours?))$/);
  if (!m) return '?';
  if (m[1] === 'half an hour') return 'PT30M';
  if (m[1] === 'an hour and a half') return 'PT1H30M';
  const n = number(m[2]);
  if (n === '?') return '?';
  return m[3].startsWith('hour') ? `PT${n}H` : `PT${n}M`;
}

const alexa = VirtualAlexa.Builder().skillURL(skillUrl).interactionModelFile(modelFile)
  .applicationID(skillId).locale(locale).create();
alexa.context().user().setID(userId);
let sent = null;
alexa.filter((request) => {
  // No progressive responses to the real Alexa API from a test: there is no API endpoint to call.
  delete request.context.System.apiEndpoint;
  delete request.context.System.apiAccessToken;
  const intent = request.request.intent;
  if (intent && intent.slots) {
    for (const slot of Object.values(intent.slots)) {
      const type = slotTypes[`${intent.name}.${slot.name}`];
      if (slot.value && type === 'AMAZON.NUMBER') slot.value = number(slot.value);
      if (slot.value && type === 'AMAZON.DURATION') slot.value = duration(slot.value);
    }
  }
  sent = intent ? { intent: intent.name, slots: intent.slots || {} } : { request: request.request.type };
});

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  if (!line.trim()) return;
  const step = JSON.parse(line);
  sent = null;
  try {
    if (step.reset) {
      alexa.context().endSession();
      console.log(JSON.stringify({ reset: true }));
      return;
    }
    const reply = step.launch ? await alexa.launch() : await alexa.utter(step.utter);
    const response = reply.response || {};
    console.log(JSON.stringify({ matched: true, sent, speech: response.outputSpeech ? response.outputSpeech.ssml : '',
      shouldEndSession: response.shouldEndSession === true,
      directives: (response.directives || []).map((d) => d.type) }));
  } catch (e) {
    // "Unable to match utterance": real Alexa would send AMAZON.FallbackIntent.
    console.log(JSON.stringify({ matched: false, error: String(e && e.message ? e.message : e) }));
  }
});
