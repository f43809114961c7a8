import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The API's OpenAPI document, as /docs serves it and the web app's typed client is generated from. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cohesion Ledger')
      .setDescription(
        'Records every commitment, contribution, agreement and conflict of partnerships for social ' +
          'cohesion as immutable, hash-chained events. Every error is application/problem+json (RFC 9457). ' +
          'Every route but /health and /docs takes a bearer token (JWT).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .build(),
  );
}
