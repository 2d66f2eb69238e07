// Server-only: nothing of this file may reach a client bundle.
export const db = {
  dsn: 'SERVER_MARKER_db_connection_string',
  movies: ['Alien', 'Dune'],
  async all() {
    return [...this.movies];
  },
  async insert(title: string) {
    this.movies.push(title);
    return this.movies.length;
  },
  async session(token: string | undefined) {
    return token === 'SERVER_MARKER_db_session_token' ? { user: 'admin' } : null;
  },
};
