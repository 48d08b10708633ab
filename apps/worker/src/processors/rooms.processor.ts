import { Processor } from '@nestjs/bullmq';
import { QueueName } from '#queue';
import { CloseRoomJob, OpenRoomJob } from '#video';
import { DispatchingProcessor } from './dispatching-processor.js';

@Processor(QueueName.Rooms)
export class RoomsProcessor extends DispatchingProcessor {
  constructor(openRoom: OpenRoomJob, closeRoom: CloseRoomJob) {
    super(QueueName.Rooms, [openRoom, closeRoom]);
  }
}
