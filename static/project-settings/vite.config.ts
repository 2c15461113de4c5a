/** Build of static/project-settings (see static/viteApp.ts). */
import { appConfig } from '../viteApp';

// React DOM, @forge/bridge and the token runtime are ~250 kB of this; the six editors add ~60 kB,
// and the core's validator with the browser calendar engine (one validator for page and server) ~50 kB.
export default appConfig(__dirname, 380);
