import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainExceptionFilter } from '../common/http/domain-exception.filter.js';
import { HTTP_STATUS_OF } from '../common/http/error-statuses.js';
import { actorOf, REFUSAL_HEADER, sendPage } from './web-request.js';

const HEADINGS: Record<number, string> = {
  403: '您无权查看此页',
  404: '找不到此页',
  429: '访问太频繁',
};

/**
 * A refusal on a page a person opened in the browser (another village's person, a page their role does
 * not show) answers a page in Chinese, with the same status and its code in `REFUSAL_HEADER`, not the
 * API's JSON. A script on the page, or any client that does not ask for HTML, still gets the JSON.
 */
@Catch()
export class PageErrorFilter extends DomainExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (request.accepts(['json', 'html']) !== 'html' || response.headersSent)
      return super.catch(exception, host);
    const error = this.domainErrorOf(exception, request);
    const status = HTTP_STATUS_OF[error.code];
    const me = actorOf(request);
    response.setHeader(REFUSAL_HEADER, error.code);
    this.sayWhenToRetry(response, error);
    sendPage(
      response,
      '@refusal',
      { title: HEADINGS[status] ?? (status >= 500 ? '出了点问题' : '无法打开此页'), me },
      { message: error.messageIn('zh'), back: me ? '/c' : '/', backWords: me ? '回到工作台' : '回到首页' },
      status,
    );
  }
}
