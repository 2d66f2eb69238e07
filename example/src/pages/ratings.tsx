import { createCache, getLoaderData, type LoaderData } from 'hono-preact-actions';
import serverLoader from './ratings.server.ts';

type Ratings = { ratings: { title: string; stars: string }[] };

// Named, so an action on another page can invalidate it: `invalidate: ['ratings']`.
const ratingsCache = createCache<Ratings>('ratings');

function RatingsView({ loaderData }: LoaderData<Ratings>) {
  return (
    <section>
      <h1>Ratings</h1>
      <ul id="ratings">
        {loaderData.ratings.map(({ title, stars }) => (
          <li key={title}>
            {title} {stars}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default getLoaderData(RatingsView, { serverLoader, cache: ratingsCache });
