// The first run's data: real films with their years and a rating, each with a generated poster (an SVG
// with the title on a colour of its own), so the list looks like a catalogue from the start. Server-only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_MOVIES: readonly (readonly [title: string, year: number, rating: number])[] = [
  ['Alien', 1979, 5],
  ['Dune', 2021, 4],
  ['Arrival', 2016, 5],
  ['Spirited Away', 2001, 5],
  ['The Third Man', 1949, 4],
  ['Paris, Texas', 1984, 4],
  ['In the Mood for Love', 2000, 5],
  ['Mad Max: Fury Road', 2015, 4],
];

/** Titles the bulk import adds, in order; past the list it numbers them. */
export const IMPORT_TITLES: readonly string[] = [
  'Rear Window',
  'Seven Samurai',
  'Chinatown',
  'The Apartment',
  'Playtime',
  'Amélie',
  'Parasite',
  'Moonlight',
  'Tokyo Story',
  'Casablanca',
  'Ran',
  'Her',
  'Jaws',
  'Vertigo',
  'Metropolis',
];

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Writes a poster for the title into the posters folder and returns its URL. */
export function writeSeedPoster(postersDir: string, id: number, title: string, year: number): string {
  let hash = 0;
  for (const char of title) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  const words = title.split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && (last + ' ' + word).length <= 12) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const text = lines
    .map((line, index) => `<tspan x="20" dy="${index === 0 ? 0 : 30}">${escapeXml(line)}</tspan>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300" viewBox="0 0 200 300">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 42%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 60% 14%)"/></linearGradient></defs>
<rect width="200" height="300" fill="url(#g)"/>
<circle cx="150" cy="70" r="38" fill="hsl(${(hue + 180) % 360} 70% 70%)" opacity=".35"/>
<text x="20" y="200" fill="#fff" font-family="Georgia, serif" font-size="26" font-weight="700">${text}</text>
<text x="20" y="280" fill="#fff" opacity=".75" font-family="system-ui, sans-serif" font-size="16">${year}</text>
</svg>`;
  const name = `seed-${id}.svg`;
  writeFileSync(join(postersDir, name), svg);
  return `/posters/${name}`;
}
