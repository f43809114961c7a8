import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ACCESS_EXTENSION } from '../authorization/route-rule';

/** The API's OpenAPI document, as /docs serves it and the web app's typed client is generated from. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cohesion Ledger')
      .setDescription(
        'Records every commitment, contribution, agreement and conflict of partnerships for social ' +
          'cohesion as immutable, hash-chained events. Every error is application/problem+json (RFC 9457). ' +
          'Every route but /health, /docs and signing in takes a bearer token (JWT), or the ' +
          'session cookie of a person signed in (see /auth); a POST, PUT or DELETE with the cookie ' +
          'also sends the X-CSRF-Token of GET /auth/session, from the ledger’s own origin.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addCookieAuth('__Host-ledger-session', { type: 'apiKey', in: 'cookie' }, 'session')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('session')
      .build(),
  );
  return forTryingOut(document);
}

interface DocumentedOperation {
  [ACCESS_EXTENSION]?: string;
  security?: unknown[];
  parameters?: { in?: string; required?: boolean; schema?: { example?: unknown } }[];
}

/**
 * What Swagger UI's "Try it out" needs to ask exactly what it is given: no padlock (nor token) on
 * public routes, whose route rule says so (an empty security requirement); and no example
 * pre-filled in an optional query parameter, where it would filter (or wait for `minPosition=42`)
 * unasked.
 */
function forTryingOut(document: OpenAPIObject): OpenAPIObject {
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods) as DocumentedOperation[]) {
      if (typeof operation !== 'object' || operation === null) continue;
      if (operation[ACCESS_EXTENSION] === 'public') operation.security = [];
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' && !parameter.required) delete parameter.schema?.example;
      }
    }
  }
  return document;
}
