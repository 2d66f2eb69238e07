import { createCache, getLoaderData, type LoaderData } from 'hono-preact-actions';
import { Head } from 'hono-preact-actions/page';
import serverLoader from './ratings.server.ts';

type Ratings = { ratings: { title: string; rating: number }[] };

// Named, so an action on another page can invalidate it: `invalidate: ['ratings']`.
const ratingsCache = createCache<Ratings>('ratings');

function RatingsView({ loaderData }: LoaderData<Ratings>) {
  return (
    <>
      <Head title="Ratings · Movie Night" />
      <h1>Ratings</h1>
      <p class="lead">Out of five, as the admins rated them.</p>
      <ul id="ratings" class="ratings">
        {loaderData.ratings.map(({ title, rating }) => (
          <li key={title}>
            <span class="title">{title}</span>{' '}
            <span class="stars" role="img" aria-label={`${rating} out of 5 stars`}>
              {'★'.repeat(rating)}
              <span class="stars-off" aria-hidden="true">
                {'★'.repeat(5 - rating)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export default getLoaderData(RatingsView, { serverLoader, cache: ratingsCache });
