import { describeCatalogCategory } from '../factories/catalog-category.suite.js';

describeCatalogCategory('H');
