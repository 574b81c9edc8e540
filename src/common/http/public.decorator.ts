import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = Symbol('isPublic');

/** Marks a route readable without logging in (public board, health, login itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
