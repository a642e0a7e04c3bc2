#ifndef MULU_CLIBGIT2_SHIM_H
#define MULU_CLIBGIT2_SHIM_H
#include <git2.h>
/* git_repository_set_odb, git_repository_set_index: to open a repository
   the way git describes it in environment variables. */
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic and does not import into Swift. */
static inline int mulu_git_set_strict_hash_verification(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int mulu_git_set_owner_validation(int enabled) {
  return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
static inline int mulu_git_set_cache_object_limit(git_object_t type, size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
static inline int mulu_git_set_cache_max_size(ssize_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}
static inline int mulu_git_set_search_path(git_config_level_t level, const char *path) {
  return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}
#endif
