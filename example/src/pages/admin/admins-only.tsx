import { Head } from 'hono-preact-actions/page';

export function AdminsOnly() {
  return (
    <section id="admins-only" class="panel">
      <Head title="Admins only · Movie Night" />
      <h1>Admins only</h1>
      <p>You are signed in as a guest. Sign in as admin to see this area.</p>
    </section>
  );
}
