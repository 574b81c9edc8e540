import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { RegionEntity } from './region.entity.js';

/** A village with the township and district above it. */
export interface VillageLineage {
  village: RegionEntity;
  township: RegionEntity;
  district: RegionEntity;
}

@Injectable()
export class RegionRepository {
  async insert(db: EntityManager, region: RegionEntity): Promise<void> {
    await db.insert(RegionEntity, region);
  }

  findById(db: EntityManager, id: string): Promise<RegionEntity | null> {
    return db.findOneBy(RegionEntity, { id });
  }

  findByIds(db: EntityManager, ids: string[]): Promise<RegionEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : db.findBy(RegionEntity, { id: In(ids) });
  }

  children(db: EntityManager, parentIds: string[]): Promise<RegionEntity[]> {
    return parentIds.length === 0
      ? Promise.resolve([])
      : db.find(RegionEntity, { where: { parentId: In(parentIds) }, order: { name: 'ASC' } });
  }

  async lineage(db: EntityManager, villageId: string): Promise<VillageLineage | null> {
    const village = await this.findById(db, villageId);
    if (village?.kind !== 'village' || !village.parentId) return null;
    const township = await this.findById(db, village.parentId);
    const district = township?.parentId ? await this.findById(db, township.parentId) : null;
    return township && district ? { village, township, district } : null;
  }
}
