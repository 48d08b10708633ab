import { ApiProperty } from '@nestjs/swagger';

/** A member on a clinical read: the alias, and the legal name facilitators and admins may see. */
export class MemberNameView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: "The member's alias" })
  displayName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The member's legal name, if given: for facilitators and admins only",
  })
  legalName!: string | null;
}
