// An OpenID Connect provider for the sign-in e2e suite: node-oidc-provider (a certified
// implementation), in a process of its own since it is ESM-only. Started with plain node:
//   OIDC_PORT OIDC_CLIENT_ID OIDC_CLIENT_SECRET OIDC_REDIRECT_URI OIDC_ACCOUNTS (JSON) node oidc-provider.mjs
// It prints `listening <issuer>` once it answers. Instead of a login page, a test signs an
// account in with GET /interaction/<uid>/login?account=<id>, which also grants the consent.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
/** { accountId: { email, email_verified } } */
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  cookies: { keys: ['a test key, not a secret'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, accountId) =>
    accounts[accountId] === undefined
      ? undefined
      : { accountId, claims: () => ({ sub: accountId, ...accounts[accountId] }) },
});

const LOGIN = /^\/interaction\/([\w-]+)\/login\?account=([\w.@-]+)$/;
const callback = provider.callback();

createServer(async (request, response) => {
  const login = LOGIN.exec(request.url ?? '');
  if (login) {
    try {
      const details = await provider.interactionDetails(request, response);
      const accountId = login[2];
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
    return;
  }
  if (request.url?.startsWith('/interaction/')) {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('sign in here');
    return;
  }
  callback(request, response);
}).listen(port, '127.0.0.1', () => process.stdout.write(`listening ${issuer}\n`));
