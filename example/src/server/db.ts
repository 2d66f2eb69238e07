// The movies database: SQLite through Node's built-in node:sqlite, in a file under the data folder
// (DATA_DIR, default example/data), created and seeded on first use. Server-only.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SEED_MOVIES, writeSeedPoster } from './seed.ts';

export interface Movie {
  id: number;
  title: string;
  year: number | null;
  rating: number;
  poster: string | null;
}

export const dataDir = process.env.DATA_DIR ?? join(process.cwd(), 'example', 'data');
const postersDir = join(dataDir, 'posters');
mkdirSync(postersDir, { recursive: true });

const db = new DatabaseSync(join(dataDir, 'movies.db'));
db.exec(`-- SERVER_MARKER_db: this schema must never reach a browser
create table if not exists movies (
  id integer primary key autoincrement,
  title text not null unique,
  year integer,
  rating integer not null default 3,
  poster text
)`);
const seeded = db.prepare('select count(*) as n from movies').get() as { n: number };
if (seeded.n === 0) {
  const insert = db.prepare('insert into movies (title, year, rating) values (?, ?, ?)');
  const setPoster = db.prepare('update movies set poster = ? where id = ?');
  for (const [title, year, rating] of SEED_MOVIES) {
    const id = Number(insert.run(title, year, rating).lastInsertRowid);
    setPoster.run(writeSeedPoster(postersDir, id, title, year), id);
  }
}

db.exec(
  `create table if not exists audit (id integer primary key autoincrement, at text not null, entry text not null)`,
);

export const audit = {
  add: (entry: string) =>
    db.prepare('insert into audit (at, entry) values (?, ?)').run(new Date().toISOString(), entry),
  recent: (count: number) =>
    db.prepare('select at, entry from audit order by id desc limit ?').all(count) as unknown as {
      at: string;
      entry: string;
    }[],
};

export const movies = {
  all: () => db.prepare('select * from movies order by id').all() as unknown as Movie[],
  byId: (id: number) => db.prepare('select * from movies where id = ?').get(id) as Movie | undefined,
  rate: (id: number, rating: number) => db.prepare('update movies set rating = ? where id = ?').run(rating, id),
  byTitle: (title: string) => db.prepare('select * from movies where title = ?').get(title) as Movie | undefined,
  add: (title: string, year: number | null) =>
    Number(db.prepare('insert into movies (title, year) values (?, ?)').run(title, year).lastInsertRowid),
  remove: (id: number) => {
    const movie = movies.byId(id);
    db.prepare('delete from movies where id = ?').run(id);
    if (movie?.poster) removePosterFile(movie.poster);
  },
  /** Sets the movie's poster, and removes the file of the one it replaces. */
  setPoster: (id: number, poster: string) => {
    const before = movies.byId(id)?.poster;
    db.prepare('update movies set poster = ? where id = ?').run(poster, id);
    if (before && before !== poster) removePosterFile(before);
  },
};

/** The file behind a poster URL (`/posters/<name>`), under the posters folder only. */
export function posterFile(url: string): string | null {
  const name = url.startsWith('/posters/') ? url.slice('/posters/'.length) : '';
  return /^[\w-]+\.(?:png|jpg|webp|svg)$/.test(name) ? join(postersDir, name) : null;
}

function removePosterFile(url: string): void {
  const file = posterFile(url);
  if (file) rmSync(file, { force: true });
}
