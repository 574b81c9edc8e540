import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { procedureSchemas, SCHEMAS_REFERRED_TO } from './procedures/payload-schemas.js';

/**
 * The API description served at /api/docs-json: what Nest reads from the controllers and DTOs, with the
 * schemas of every event payload and item's inputs, which live in the procedure definitions, not in
 * classes. `test/golden/openapi.json` keeps a copy; a test fails when the two differ.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('micropower')
      .setDescription('村级小微权力清单 workflow engine: every listed power run by its procedure, traced.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  const schemas = ((document.components ??= {}).schemas ??= {});
  const missing = SCHEMAS_REFERRED_TO.filter((name) => !(name in schemas));
  if (missing.length > 0) throw new Error(`the API description no longer states ${missing.join(', ')}`);
  Object.assign(schemas, procedureSchemas());
  return document;
}
