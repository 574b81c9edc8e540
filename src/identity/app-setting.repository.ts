import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppSettingEntity } from '../database/app-setting.entity.js';

@Injectable()
export class AppSettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(key: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOneBy(AppSettingEntity, { key });
    return row?.value ?? null;
  }

  /** Stores `value` unless a value exists; returns whichever is stored (first writer wins). */
  async getOrCreate(key: string, value: string): Promise<string> {
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(AppSettingEntity)
      .values({ key, value })
      .orIgnore()
      .execute();
    return (await this.get(key))!;
  }

  async put(key: string, value: string): Promise<void> {
    await this.dataSource.manager.upsert(AppSettingEntity, { key, value }, ['key']);
  }
}
