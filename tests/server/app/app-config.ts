import { defineApp } from '../../../runtime/index.ts';
import { ring } from './rings.ts';

export default defineApp({ use: [ring('root')] });
