import { defineAction } from 'hono-preact-actions';

export const serverActions = {
  addMovie: defineAction(async () => 'SERVER_MARKER_folder_server_module'),
};
