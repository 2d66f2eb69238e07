import { defineAction } from 'hono-preact-actions';

export const serverActions = {
  ok: defineAction(async () => 1),
};

export const helperThatLeaks = () => 'SERVER_MARKER_illegal';
