import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide values the app generates once (e.g. the token signing key when none is configured). */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'text' }) value: string;
}
