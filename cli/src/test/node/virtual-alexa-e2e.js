// Drives the self-hosted skill server with virtual-alexa, a third-party Alexa simulator, using the
// project's own en-US interaction model. Prints one JSON line: the speech answered to each step.
//   node virtual-alexa-e2e.js SKILL_URL MODEL_FILE USER_ID SKILL_ID
const { VirtualAlexa } = require('virtual-alexa');

const [skillUrl, modelFile, userId, skillId] = process.argv.slice(2);
const alexa = VirtualAlexa.Builder()
  .skillURL(skillUrl)
  .interactionModelFile(modelFile)
  .applicationID(skillId)
  .locale('en-US')
  .create();
alexa.context().user().setID(userId);
// No progressive responses to the real Alexa API from a test: there is no API endpoint to call.
alexa.filter((request) => {
  delete request.context.System.apiEndpoint;
  delete request.context.System.apiAccessToken;
});

const steps = [
  ['launch', null],
  ['utter', 'make a cuddlie from my picture'],
  ['utter', 'warm it up to 36 degrees'],
  ['utter', 'how warm is my cuddlie'],
  ['utter', 'stop warming'],
  ['utter', 'stop'],
];

(async () => {
  const answers = [];
  for (const [kind, text] of steps) {
    const reply = kind === 'launch' ? await alexa.launch() : await alexa.utter(text);
    const speech = reply.response && reply.response.outputSpeech ? reply.response.outputSpeech.ssml : '';
    answers.push({ step: text || 'launch', speech });
  }
  console.log(JSON.stringify(answers));
})().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(1);
});
