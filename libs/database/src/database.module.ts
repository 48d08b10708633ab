import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#config';
import { databaseOptions } from './database-options.js';
import { Transactions } from './transactions.js';

export interface DatabaseModuleOptions {
  /** Run pending migrations while connecting (the api does; the worker never does). */
  runMigrations: boolean;
}

/**
 * The TypeORM connection, and Transactions for every module; each domain lib registers its own
 * entities with `forFeature`.
 */
@Module({})
export class DatabaseModule {
  static forRoot({ runMigrations }: DatabaseModuleOptions): DynamicModule {
    const connection = TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config.DATABASE_URL),
        autoLoadEntities: true,
        migrationsRun: runMigrations && config.MIGRATIONS_RUN,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    });
    return {
      module: DatabaseModule,
      global: true,
      imports: [connection],
      providers: [Transactions],
      exports: [Transactions],
    };
  }
}
