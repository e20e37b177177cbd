/** What POST /files answers (FileMeta in @yiting/domain) and what events list as their files. */
export interface StoredFile {
  id: string;
  name: string;
  size: number;
  mime: string;
}
