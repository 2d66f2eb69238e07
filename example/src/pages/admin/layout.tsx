import type { ComponentChildren } from 'preact';
import { definePage, Head, Link } from 'hono-preact-actions/page';
import { requireAdmin } from '../../auth.ts';

function AdminLayout({ children }: { children?: ComponentChildren }) {
  return (
    <section id="admin">
      <Head title="Admin · Movie Night" />
      <h1>
        <Link href="/admin">Admin</Link>
      </h1>
      {children}
    </section>
  );
}

// Gates the layout and every page under it, on the server render and on client navigation.
export default definePage(AdminLayout, { use: requireAdmin });
