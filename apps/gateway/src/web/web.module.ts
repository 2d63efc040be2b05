import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { WebAppMiddleware } from './web-app.middleware';

/** The web client (apps/web) served from the gateway's origin, so the app and the API share it. */
@Module({ providers: [WebAppMiddleware] })
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebAppMiddleware).forRoutes('*');
  }
}
