import { Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { ChatPanelComponent } from './chat-panel.component';

@Component({
  selector: 'app-root',
  imports: [ChatPanelComponent],
  template: `<chat-panel [endpoint]="endpoint" [runId]="5" />`,
})
class AppComponent {
  readonly endpoint = new URLSearchParams(location.search).get('endpoint') ?? '/api/chat/stream';
}

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) =>
  console.error(error),
);
