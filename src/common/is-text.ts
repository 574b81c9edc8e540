import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';

/**
 * A string PostgreSQL can store: U+0000 is refused with the request's other problems, where the database
 * would otherwise fail the insert as a server error. For every DTO field that is written or looked up.
 */
export const IsText = () =>
  applyDecorators(
    IsString(),
    ValidateBy({
      name: 'isText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
        defaultMessage: (args) => `${args?.property ?? 'text'} must not contain NUL characters (U+0000)`,
      },
    }),
  );
