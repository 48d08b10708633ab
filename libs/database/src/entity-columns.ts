import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * An entity's columns for a hand-written statement on the request path: the select list, each
 * column aliased `<alias>_<property>`, and the reader that turns a row of it back into the entity
 * as TypeORM hydrates one (the driver's type conversion and the column's transformer). Both are
 * built from TypeORM's metadata once, so a hot read sends fixed SQL instead of building a query
 * and its mapping on every request, and the list never drifts from the entity. Columns TypeORM
 * does not select by default (`select: false`, a password hash) are left out here too.
 */
export class EntityColumns<T extends ObjectLiteral> {
  private built?: {
    select: string;
    metadata: EntityMetadata;
    columns: { column: ColumnMetadata; key: string }[];
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly alias: string,
  ) {}

  /** `s.id AS "s_id", s.group_id AS "s_groupId", …` for `FROM <table> <alias>`. */
  get select(): string {
    return this.build().select;
  }

  /** The entity in the row, or null when the row has none (a LEFT JOIN that found nothing). */
  read(row: Record<string, unknown>): T | null {
    const { columns, metadata } = this.build();
    if (row[columns[0].key] === null || row[columns[0].key] === undefined) return null;
    const entity = metadata.create() as T;
    for (const { column, key } of columns) {
      column.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[key], column));
    }
    return entity;
  }

  private build() {
    if (this.built) return this.built;
    const metadata = this.dataSource.getMetadata(this.entity);
    const columns = [...metadata.primaryColumns, ...metadata.columns]
      .filter((column, i, all) => column.isSelect && !column.isVirtual && all.indexOf(column) === i)
      .map((column) => ({ column, key: `${this.alias}_${column.propertyPath}` }));
    // PostgreSQL cuts longer names to 63 bytes, and the property would silently stay unset.
    const tooLong = columns.find(({ key }) => Buffer.byteLength(key) > 63);
    if (tooLong) throw new Error(`EntityColumns: the alias ${tooLong.key} is over 63 bytes`);
    const select = columns
      .map(({ column, key }) => `${this.alias}."${column.databaseName}" AS "${key}"`)
      .join(', ');
    this.built = { select, metadata, columns };
    return this.built;
  }
}
