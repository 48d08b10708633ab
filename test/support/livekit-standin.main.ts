/** `npm run livekit:standin`: the LiveKit stand-in on its own, for local demos without LiveKit. */
import { LiveKitStandin } from './livekit-standin.js';

const port = Number(process.env.LIVEKIT_STANDIN_PORT ?? 7880);
const apiKey = process.env.LIVEKIT_API_KEY ?? 'devkey';
const apiSecret = process.env.LIVEKIT_API_SECRET ?? 'hearth-dev-livekit-secret-not-for-production';

const standin = await new LiveKitStandin(apiKey, apiSecret).start(port);
process.stdout.write(`LiveKit stand-in listening on ${standin.url} (key ${apiKey})\n`);
const stop = () => void standin.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
