import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  ACTOR_HEADER,
  PARTNER_HEADER,
  ROLES_HEADER,
} from './principal/development-principal.guard';

/** What main.ts and the e2e tests both apply to the Nest application. */
export function configureApp(app: INestApplication): INestApplication {
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cohesion Ledger')
      .setDescription(
        'Records every commitment, contribution, agreement and conflict of partnerships for social ' +
          'cohesion as immutable, hash-chained events. Every error is application/problem+json (RFC 9457).',
      )
      .setVersion('0.1.0')
      .addApiKey({ type: 'apiKey', in: 'header', name: ACTOR_HEADER }, 'actor')
      .addApiKey({ type: 'apiKey', in: 'header', name: PARTNER_HEADER }, 'partner')
      .addApiKey({ type: 'apiKey', in: 'header', name: ROLES_HEADER }, 'roles')
      .addSecurityRequirements('actor')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return app;
}
