import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageErrorFilter } from './page-error.filter.js';

/**
 * A controller of pages: left out of the API's document, its refusals answered as pages to a browser
 * (`PageErrorFilter`).
 */
export const PageController = (path?: string) =>
  applyDecorators(
    ApiExcludeController(),
    UseFilters(PageErrorFilter),
    path === undefined ? Controller() : Controller(path),
  );
