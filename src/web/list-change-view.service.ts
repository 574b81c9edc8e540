import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CATEGORY_TITLES,
  type JsonObject,
  type JsonValue,
  type ProcedureDefinition,
} from '../../workflows/index.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { statutoryClassesOf } from '../catalog/statutory-class-view.js';
import { LocalTime } from '../common/local-time.js';
import { labelOf, optionLabelOf } from '../common/field-words.js';
import type { ListChange } from '../lists/admission.js';
import { ListViews } from '../lists/list-views.service.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { topLevelOrder } from '../procedures/step-order.js';
import { inlineSvg } from './step-list.js';

/** A top-level step of an item, and whether the change brings it. */
interface ReviewedStep {
  title: string;
  added: boolean;
}

/** A period or value as reviewers read it: 7 个自然日, not {"days":7,"unit":"calendar"}. */
export function valueWords(value: JsonValue | null): string {
  if (value === null) return '（无）';
  if (typeof value === 'object' && !Array.isArray(value) && typeof value.days === 'number')
    return `${value.days} 个${value.unit === 'working' ? '工作日' : '自然日'}`;
  if (typeof value === 'string') return optionLabelOf(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The item's steps by title, in the order a matter meets them (its stored keys are not in that order). */
const stepTitles = (definition: ProcedureDefinition): string[] =>
  topLevelOrder(definition.machine)
    .map((key) => definition.machine.states![key])
    .filter((node) => node.type !== 'final' && !node.always && node.meta?.title)
    .map((node) => node.meta!.title);

/**
 * A list-adjustment request as its reviewers (supervisors, township, district) read it: each change in
 * words; for an item the change brings, its steps (new ones marked, those it drops named) and its chart;
 * and while the request runs, the admission check and the diff against the list in force.
 */
@Injectable()
export class ListChangeView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listViews: ListViews,
    private readonly procedures: ProcedureCatalog,
    private readonly catalog: CatalogService,
    private readonly time: LocalTime,
  ) {}

  async of(villageId: string, matter: { procedure: { id: string }; status: string; inputs: JsonObject }) {
    const changes = matter.inputs.changes as unknown as ListChange[] | undefined;
    if (!changes || !['L1', 'L2'].includes(matter.procedure.id)) return null;
    const running = matter.procedure.id === 'L1' && matter.status === 'active';
    const preview = running ? await this.listViews.preview(villageId, changes) : null;
    return {
      changes: changes.map((change) => ({
        kind: optionLabelOf(change.kind),
        code: change.code,
        title: change.title ?? '',
        detail: this.detail(change),
      })),
      items: matter.procedure.id === 'L1' ? await this.items(villageId, changes) : [],
      preview: preview && {
        issues: preview.issues.map((issue) => issue.message),
        added: preview.added,
        removed: preview.removed,
        changed: preview.changed.map((item) => ({
          code: item.code,
          title: item.title,
          versions: item.procedure && { from: item.procedure.from.version, to: item.procedure.to.version },
          parameters: item.parameters.map((parameter) => ({
            name: labelOf(parameter.name),
            from: valueWords(parameter.from),
            to: valueWords(parameter.to),
          })),
          responsible: item.responsible !== null,
        })),
      },
    };
  }

  private detail(change: ListChange): string {
    if (change.reason ?? change.duty) return (change.reason ?? change.duty)!;
    if (change.parameters)
      return Object.entries(change.parameters)
        .map(([name, value]) => `${labelOf(name)}：${valueWords(value)}`)
        .join('；');
    return change.fromBase ? `以 ${change.fromBase} 为模板` : '自定流程（步骤和流程图见下）';
  }

  /**
   * The statutory classes the village says its item is of, in words: the class decides which meeting
   * votes and by which rule, and the village chose it, so those who approve the item read it first.
   */
  private classWords(definition: ProcedureDefinition): string[] {
    return statutoryClassesOf(definition, this.time.today()).map((matterClass) => {
      const decides = matterClass.decidedBy
        ? `由${matterClass.decidedBy}决定`
        : matterClass.deciders.length === 0
          ? '无须集体表决'
          : matterClass.deciders.map((decider) => `${decider.bodyTitle}${decider.rule}`).join('，或');
      return `${matterClass.title}：${decides}（${matterClass.legalBasis}）`;
    });
  }

  /** The items a request brings with their own procedure: steps against the item in force, and chart. */
  private async items(villageId: string, changes: ListChange[]) {
    const inForce = (await this.listViews.onDate(villageId)).powerList;
    const db = this.dataSource.manager;
    return Promise.all(
      changes
        .filter((change) => change.kind === 'addItem' && change.definition)
        .map(async (change) => {
          const proposed = change.definition as unknown as ProcedureDefinition;
          const current = inForce.find((item) => item.code === change.code);
          const before = current
            ? stepTitles(
                (await this.procedures.get(db, current.procedure.id, current.procedure.version)).definition,
              )
            : null;
          const after = stepTitles(proposed);
          const steps: ReviewedStep[] = after.map((title) => ({
            title,
            added: before !== null && !before.includes(title),
          }));
          return {
            code: change.code,
            title: change.title ?? proposed.title,
            replaces: current
              ? `${current.code} ${current.title}（流程第 ${current.procedure.version} 版）`
              : null,
            steps,
            dropped: before ? before.filter((title) => !after.includes(title)) : [],
            category: `${proposed.category} ${CATEGORY_TITLES[proposed.category] ?? ''}`.trim(),
            statutoryClasses: this.classWords(proposed),
            flowchart: inlineSvg(
              await this.catalog.draftFlowchart({ ...proposed, title: change.title ?? proposed.title }),
            ),
          };
        }),
    );
  }
}
