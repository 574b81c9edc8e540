import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = Symbol('isPublic');

/** Marks a route readable without logging in (public board, health, login itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const BEFORE_OWN_PASSWORD = Symbol('beforeOwnPassword');

/**
 * Marks a route a login may use while it still has the password whoever opened it gave it: reading who
 * it is, logging out and setting its own password. Every other route refuses such a login.
 */
export const AllowedBeforeOwnPassword = () => SetMetadata(BEFORE_OWN_PASSWORD, true);
