import { adminRing, adminStreams } from '../middleware.ts';

export const pageUse = [adminRing, adminStreams];
