import { unplugin } from './index.ts';

export default unplugin.rolldown;
