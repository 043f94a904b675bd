/** @module Author profiles in the newsroom: read one to edit it, save a change; who may is author-profile-rules.ts. */
import type { MediaLibrary } from '../media/media-library.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import { checkProfileChange, type AuthorProfile, type AuthorProfileChange } from './author-profile.js';
import { canEditAuthorProfile, canListAllAuthors } from './author-profile-rules.js';
import type { AuthorStore } from './author-store.js';

export interface AuthorProfileDeps {
  authors: AuthorStore;
  media: Pick<MediaLibrary, 'find'>;
}

export function createAuthorProfileService(deps: AuthorProfileDeps) {
  /** The profile a staff member may edit; AUTHOR_NOT_FOUND, or PERMISSION_DENIED for someone else's without the role. */
  async function profileToEdit(staff: Pick<StaffUser, 'role' | 'author'>, slug: string): Promise<AuthorProfile> {
    const profile = await deps.authors.findBySlug(slug);
    if (!profile) throw new DomainError('AUTHOR_NOT_FOUND');
    if (!canEditAuthorProfile(staff, slug)) throw new DomainError('PERMISSION_DENIED', 'You can edit your own author profile only.');
    return profile;
  }

  async function updateProfile(staff: Pick<StaffUser, 'role' | 'author'>, slug: string, change: AuthorProfileChange): Promise<AuthorProfile> {
    const profile = await profileToEdit(staff, slug);
    const checked = checkProfileChange(change);
    if (!checked.ok) throw new DomainError('VALIDATION_FAILED', checked.message, { field: checked.field });
    if (change.photoId && !(await deps.media.find(change.photoId))) throw new DomainError('MEDIA_NOT_FOUND');
    const next = { bio: blankToNull(change.bio), jobTitle: blankToNull(change.jobTitle), photoId: change.photoId || null, links: checked.links };
    if (!(await deps.authors.updateProfile(slug, next))) throw new DomainError('AUTHOR_NOT_FOUND');
    return { ...profile, ...next };
  }

  /** The authors a staff member may open: every one for admins, else their own byline's. */
  async function editableAuthors(staff: Pick<StaffUser, 'role' | 'author'>) {
    if (canListAllAuthors(staff)) return deps.authors.list();
    return staff.author ? [staff.author] : [];
  }

  return { profileToEdit, updateProfile, editableAuthors };
}

export type AuthorProfileService = ReturnType<typeof createAuthorProfileService>;

function blankToNull(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed ? trimmed : null;
}
