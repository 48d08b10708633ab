import { Processor } from '@nestjs/bullmq';
import { QueueName } from '#queue';
import { CloseRoomJob } from '../jobs/close-room.job.js';
import { OpenRoomJob } from '../jobs/open-room.job.js';
import { DispatchingProcessor } from './dispatching-processor.js';

@Processor(QueueName.Rooms)
export class RoomsProcessor extends DispatchingProcessor {
  constructor(openRoom: OpenRoomJob, closeRoom: CloseRoomJob) {
    super(QueueName.Rooms, [openRoom, closeRoom]);
  }
}
