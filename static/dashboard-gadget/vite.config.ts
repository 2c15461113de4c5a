/** Build of static/dashboard-gadget (see static/viteApp.ts). */
import { appConfig } from '../viteApp';

export default appConfig(__dirname);
