import { Form, FormError } from 'hono-preact-actions';
import { Head } from 'hono-preact-actions/page';
import { serverActions } from './login.server.ts';

export default function Login() {
  return (
    <>
      <Head title="Sign in · Movie Night" />
      <h1>Sign in</h1>
      <p class="lead">
        The admin area and deleting movies need an admin session; a guest sees a notice instead. This demo lets you pick
        a role: the server signs the session it starts, so a typed cookie gets nowhere.
      </p>
      <div class="panels">
        <section class="panel" aria-labelledby="admin-heading">
          <h2 id="admin-heading">Admin</h2>
          <p class="hint">Can open the admin area, rate and delete movies.</p>
          <Form action={serverActions.signIn} id="sign-in-form">
            <input type="hidden" name="role" value="admin" />
            <button type="submit" id="sign-in">
              Sign in as admin
            </button>
            <FormError />
          </Form>
        </section>
        <section class="panel" aria-labelledby="guest-heading">
          <h2 id="guest-heading">Guest</h2>
          <p class="hint">Can browse and add movies.</p>
          <Form action={serverActions.signIn} id="sign-in-guest-form">
            <input type="hidden" name="role" value="guest" />
            <button type="submit" id="sign-in-guest" class="button-secondary">
              Sign in as guest
            </button>
          </Form>
        </section>
        <section class="panel" aria-labelledby="out-heading">
          <h2 id="out-heading">Done?</h2>
          <p class="hint">Ends the session on this browser.</p>
          <Form action={serverActions.signOut} id="sign-out-form">
            <button type="submit" id="sign-out" class="button-secondary">
              Sign out
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
