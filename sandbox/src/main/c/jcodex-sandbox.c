/*
 * jcodex-sandbox: runs one command in fresh user, mount, PID, IPC, UTS (and, with the network off, network)
 * namespaces, then under the Landlock ruleset and seccomp program the daemon built (dev.jcodex.sandbox.linux).
 *
 *   jcodex-sandbox --parent PID [--net] [--landlock-fd N] [--seccomp HEX] [--shm]
 *                  [--rw PATH]... [--protect PATH]... [--ro PATH]... --cwd DIR --exec FILE -- ARGV...
 *
 * Process tree: this process (H: stays in the daemon's namespaces; what the daemon waits for and signals) ->
 * X (enters the namespaces, builds the mounts) -> init (PID 1 of the new PID namespace: reaps, forwards
 * signals) -> the command (PID 2). When the command exits, init exits and the kernel kills everything left in
 * the namespace (background and double-forked processes included); when H dies (the daemon's SIGKILL, or the
 * daemon's own death through PR_SET_PDEATHSIG), X and then init get SIGKILL, same effect.
 *
 * Filesystem: every mount is remounted read-only (locked flags preserved), each --rw root bound read-write on
 * top, then each --protect path (.git, .codex, .agents at a root's top) and --ro path (gitdirs) bound read-only
 * again. A --protect path that does not exist gets an empty placeholder directory (mode 01500), made by H
 * before the namespaces and bound read-only onto itself inside, so `mkdir .codex` fails with EEXIST and
 * `.codex/config.toml` with EROFS; H removes it afterwards unless another helper still holds it (flock), so
 * nothing is left behind. /dev is a private tmpfs with only null, zero, full, random, urandom, tty, ptmx, pts
 * and shm; /proc is a fresh procfs of the new PID namespace.
 *
 * The command then loses every capability (bounding set, ambient, securebits locked), gets no_new_privs, the
 * Landlock ruleset (inherited fd) and the seccomp program, and is exec'ed. Setup failures exit 125 with a
 * message on stderr; a command that cannot be executed exits 127 (not found) or 126.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/openat2.h>
#include <linux/securebits.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>

#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif
#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

#define MAX_PATHS 256

extern char **environ;

static void die(const char *what, const char *arg) {
    int e = errno;
    if (arg) dprintf(2, "jcodex-sandbox: %s %s: %s\n", what, arg, strerror(e));
    else dprintf(2, "jcodex-sandbox: %s: %s\n", what, strerror(e));
    _exit(125);
}

static void usage(const char *msg) {
    dprintf(2, "jcodex-sandbox: %s\n", msg);
    _exit(125);
}

struct opts {
    long parent;
    int net;
    int landlock_fd;
    const char *seccomp_hex;
    int shm;
    const char *rw[MAX_PATHS]; int nrw;
    const char *protect[MAX_PATHS]; int nprotect;
    const char *ro[MAX_PATHS]; int nro;
    const char *cwd;
    const char *exec;
    char **argv;
};

/* ---- small helpers ----------------------------------------------------------------------------------- */

static void write_file(const char *path, const char *s, int missing_ok) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        if (missing_ok && errno == ENOENT) return;
        die("open", path);
    }
    if (write(fd, s, strlen(s)) < 0) die("write", path);
    close(fd);
}

/* The per-mount flags a remount must keep: in a user namespace, flags inherited from the parent are locked. */
static unsigned long kept_flags(const char *path, int *ok) {
    struct statvfs st;
    *ok = statvfs(path, &st) == 0;
    if (!*ok) return 0;
    unsigned long f = 0;
    if (st.f_flag & ST_NOSUID) f |= MS_NOSUID;
    if (st.f_flag & ST_NODEV) f |= MS_NODEV;
    if (st.f_flag & ST_NOEXEC) f |= MS_NOEXEC;
    if (st.f_flag & ST_NOATIME) f |= MS_NOATIME;
    if (st.f_flag & ST_NODIRATIME) f |= MS_NODIRATIME;
    if (st.f_flag & ST_RELATIME) f |= MS_RELATIME;
    return f;
}

static int remount(const char *path, int readonly) {
    int ok;
    unsigned long f = kept_flags(path, &ok);
    if (!ok) return -1;
    return mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | f | (readonly ? MS_RDONLY : 0), NULL);
}

static int under(const char *path, const char *prefix) {
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* mountinfo escapes space, tab, newline and backslash as \ooo */
static void unescape(char *s) {
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] >= '0' && r[1] <= '7' && r[2] >= '0' && r[2] <= '7' && r[3] >= '0' && r[3] <= '7') {
            *w++ = (char) ((r[1] - '0') * 64 + (r[2] - '0') * 8 + (r[3] - '0'));
            r += 3;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Every mount of this (new, private) namespace read-only, parents before children as mountinfo lists them. */
static void remount_all_readonly(void) {
    FILE *f = fopen("/proc/self/mountinfo", "re");
    if (!f) die("open", "/proc/self/mountinfo");
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *save = NULL, *tok = strtok_r(line, " ", &save);
        for (int i = 0; tok && i < 4; i++) tok = strtok_r(NULL, " ", &save);
        if (!tok) continue;
        unescape(tok);
        if (remount(tok, 1) == 0) continue;
        /* Pseudo file systems get replaced or stay harmless (Landlock still denies writes there); a mount
         * point this user cannot reach (EACCES) or that is hidden under another mount (ENOENT) cannot be
         * reached by the command either. Anything else would leave a writable file system: refuse. */
        if (errno == EACCES || errno == ENOENT || under(tok, "/proc") || under(tok, "/sys") || under(tok, "/dev"))
            continue;
        die("remount read-only", tok);
    }
    free(line);
    fclose(f);
}

/*
 * Opens `path` as an O_PATH descriptor refusing a symlink in any component: the daemon passes real paths, so a
 * symlink found now was swapped in by the command of another sandbox (a root nested in a writable one), and
 * following it could bind /etc read-write.
 */
static int open_no_symlinks(int dirfd, const char *path, int flags) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long) (O_PATH | O_CLOEXEC | flags);
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return (int) syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}

static int new_mount_api = 1; /* open_tree/mount_setattr/move_mount (Linux 5.12); else mount(2) by path */

/*
 * Binds the tree at `at` (an O_PATH descriptor) onto itself, read-only or read-write, without resolving a path
 * again: a clone of the tree, its attributes set, moved onto exactly that dentry.
 */
static void bind_at(int at, const char *name, int readonly) {
    if (new_mount_api) {
        int tree = (int) syscall(SYS_open_tree, at, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE);
        if (tree < 0 && errno == ENOSYS) {
            new_mount_api = 0;
        } else {
            if (tree < 0) die("clone mount tree of", name);
            struct mount_attr attr;
            memset(&attr, 0, sizeof attr);
            if (readonly) attr.attr_set = MOUNT_ATTR_RDONLY; else attr.attr_clr = MOUNT_ATTR_RDONLY;
            /* read-only: the whole tree; read-write: the root's own mount only (submounts keep their flags) */
            if (syscall(SYS_mount_setattr, tree, "", AT_EMPTY_PATH | (readonly ? AT_RECURSIVE : 0), &attr, sizeof attr) != 0)
                die(readonly ? "make read-only" : "make read-write", name);
            if (syscall(SYS_move_mount, tree, "", at, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) != 0)
                die("move mount onto", name);
            close(tree);
            return;
        }
    }
    char via[64];
    snprintf(via, sizeof via, "/proc/self/fd/%d", at);
    if (mount(via, via, NULL, MS_BIND | MS_REC, NULL) != 0) die("bind", name);
    if (remount(name, readonly) != 0) die(readonly ? "remount read-only" : "remount read-write", name);
}

static void bind(const char *path, int readonly) {
    int at = open_no_symlinks(AT_FDCWD, path, 0);
    if (at < 0) die("open (no symlinks)", path);
    bind_at(at, path, readonly);
    close(at);
}

/* ---- missing protected names ------------------------------------------------------------------------- */

/*
 * A placeholder is an empty directory with mode 01500 (sticky, owner r-x), which nobody but a helper makes:
 * readable by its owner (the lock below needs an open descriptor), and a mode no one gives a .codex by hand.
 */
#define PLACEHOLDER_MODE 01500

static int is_placeholder_mode(mode_t m) { return S_ISDIR(m) && (m & 07777) == PLACEHOLDER_MODE; }

enum kind { SKIP, BIND_RO, PLACEHOLDER };
struct protected_path { const char *path; const char *name; enum kind kind; int fd; int dirfd; };
static struct protected_path protected_paths[MAX_PATHS];
static int nprotected;

/*
 * Decides, in the daemon's mount namespace and before any mount, how `path` (a protected name at the top of a
 * writable root) stays read-only whether or not it exists. A symlink is left to Landlock (the daemon expands
 * the root's grants around it): a mount cannot cover a link. A missing name gets a placeholder directory,
 * shared with other helpers under a shared flock and removed by the last one out.
 */
static void plan_protected(const char *path) {
    struct protected_path *pp = &protected_paths[nprotected++];
    pp->path = path;
    pp->fd = -1;
    pp->kind = SKIP;
    /* the root, opened without following any symlink, then the name beneath it: nothing re-resolved later */
    char root[4096];
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path || (size_t) (slash - path) >= sizeof root) usage("--protect: not ROOT/NAME");
    memcpy(root, path, (size_t) (slash - path));
    root[slash - path] = '\0';
    pp->name = slash + 1;
    pp->dirfd = open_no_symlinks(AT_FDCWD, root, O_DIRECTORY);
    if (pp->dirfd < 0) {
        if (errno == ENOTDIR) return; /* a root that is a file has no top level */
        die("open (no symlinks)", root);
    }
    for (int attempt = 0; attempt < 8; attempt++) {
        struct stat st;
        if (fstatat(pp->dirfd, pp->name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno != ENOENT) die("stat", path);
            if (mkdirat(pp->dirfd, pp->name, PLACEHOLDER_MODE) != 0 && errno != EEXIST) {
                /* what this user cannot create, the command (same user, less privilege) cannot either */
                if (errno == EACCES || errno == EPERM || errno == EROFS) return;
                die("create placeholder", path);
            }
            continue; /* look again: it may be ours, or another helper's */
        }
        if (S_ISLNK(st.st_mode)) return;
        if (!is_placeholder_mode(st.st_mode)) { pp->kind = BIND_RO; return; }
        int fd = openat(pp->dirfd, pp->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOENT || errno == ELOOP || errno == ENOTDIR) continue;
            die("open", path);
        }
        if (flock(fd, LOCK_SH) != 0) die("lock", path);
        struct stat fst;
        if (fstat(fd, &fst) != 0) die("stat", path);
        struct stat now;
        if (fst.st_nlink == 0 || !is_placeholder_mode(fst.st_mode)
                || fstatat(pp->dirfd, pp->name, &now, AT_SYMLINK_NOFOLLOW) != 0
                || now.st_dev != fst.st_dev || now.st_ino != fst.st_ino) {
            close(fd); /* removed (or moved away to be removed) by a janitor meanwhile */
            continue;
        }
        pp->kind = PLACEHOLDER;
        pp->fd = fd;
        return;
    }
    errno = EAGAIN;
    die("protect", path);
}

/* Inside the new mount namespace: cover each protected path. */
static void mount_protected(void) {
    for (int i = 0; i < nprotected; i++) {
        struct protected_path *pp = &protected_paths[i];
        if (pp->kind == BIND_RO) {
            bind(pp->path, 1);
        } else if (pp->kind == PLACEHOLDER) {
            /* The locked descriptor belongs to the daemon's mount namespace; mount on the same directory as
             * seen from this one, checked by inode, so a directory swapped in meanwhile is never the target. */
            int here = open_no_symlinks(AT_FDCWD, pp->path, O_DIRECTORY);
            struct stat a, b;
            if (here < 0 || fstat(here, &a) != 0 || fstat(pp->fd, &b) != 0) die("open placeholder", pp->path);
            if (a.st_dev != b.st_dev || a.st_ino != b.st_ino) {
                errno = ESTALE;
                die("placeholder replaced", pp->path);
            }
            /* The empty placeholder bound read-only onto itself: a bind costs next to nothing, where a tmpfs
             * per placeholder cost ~3 ms each at teardown (a superblock and its shrinker). */
            bind_at(here, pp->path, 1);
            close(here);
        }
    }
}

/*
 * Back in the daemon's mount namespace, once every process of the sandbox is gone (so no unmount is needed:
 * the sandbox's mounts went with its namespace): remove the placeholders nobody else holds.
 */
static void remove_placeholders(void) {
    for (int i = 0; i < nprotected; i++) {
        struct protected_path *pp = &protected_paths[i];
        if (pp->kind != PLACEHOLDER) continue;
        if (flock(pp->fd, LOCK_EX | LOCK_NB) == 0) {
            struct stat a, b;
            if (fstat(pp->fd, &a) == 0 && fstatat(pp->dirfd, pp->name, &b, AT_SYMLINK_NOFOLLOW) == 0
                    && a.st_dev == b.st_dev && a.st_ino == b.st_ino && is_placeholder_mode(b.st_mode)) {
                /* Out of the way first (a rename is quick; the rmdir may take ms on this disk), so a helper
                 * waiting for our lock finds the name free at once and makes its own. */
                char gone[64];
                snprintf(gone, sizeof gone, ".jcodex-placeholder-%ld-%d", (long) getpid(), i);
                if (renameat(pp->dirfd, pp->name, pp->dirfd, gone) == 0) {
                    flock(pp->fd, LOCK_UN);
                    unlinkat(pp->dirfd, gone, AT_REMOVEDIR);
                } else {
                    unlinkat(pp->dirfd, pp->name, AT_REMOVEDIR); /* fails harmlessly if someone filled it */
                }
            }
        }
        close(pp->fd);
    }
}

/*
 * The janitor: a detached process (not a descendant of H, so the daemon's kill of H's tree spares it) that
 * removes the placeholders once nothing of the sandbox can run any more. X tells it init's pid ("P pid"), H
 * tells it when X exited normally ("C"); at EOF (H, X and init all gone) it waits for init to be fully dead
 * (a pidfd turns readable only after the kernel has killed and reaped every process of init's namespace),
 * then cleans. Without init's pid and without H's word it leaves the placeholders (the next helper there
 * reuses and removes them): never removed while a sandboxed process might still run.
 */
static int janitor_fd = -1; /* write end, held by H and X */

static void janitor(int rd) {
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0) { dup2(null, 0); dup2(null, 1); dup2(null, 2); } /* never hold the daemon's pipes */
    char buf[512];
    size_t n = 0;
    for (;;) {
        ssize_t r = read(rd, buf + n, sizeof buf - 1 - n);
        if (r > 0) { n += (size_t) r; if (n >= sizeof buf - 1) break; continue; }
        if (r < 0 && errno == EINTR) continue;
        break;
    }
    buf[n] = '\0';
    long init_pid = 0;
    int clean = 0;
    char *save = NULL;
    for (char *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (l[0] == 'P') init_pid = atol(l + 1);
        else if (l[0] == 'C') clean = 1;
    }
    if (init_pid > 0) {
        int pfd = (int) syscall(SYS_pidfd_open, (pid_t) init_pid, 0);
        if (pfd >= 0) {
            struct pollfd p = {pfd, POLLIN, 0};
            while (poll(&p, 1, -1) < 0 && errno == EINTR) {}
        } else if (errno != ESRCH) {
            _exit(0);
        }
        clean = 1; /* init, and with it every process of its namespace, is gone */
    }
    if (clean) {
        /* A moment's grace: a command started meanwhile in the same root takes the placeholder over (its shared
         * lock makes ours fail), so a burst of commands pays one mkdir and one rmdir, and no new helper waits on
         * an rmdir in progress (1-3 ms each on this disk). */
        struct timespec grace = {0, 100 * 1000 * 1000};
        while (nanosleep(&grace, &grace) != 0 && errno == EINTR) {}
        remove_placeholders();
    }
    _exit(0);
}

static void start_janitor(void) {
    int placeholders = 0;
    for (int i = 0; i < nprotected; i++) placeholders += protected_paths[i].kind == PLACEHOLDER;
    if (placeholders == 0) return;
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) die("pipe", NULL);
    pid_t j = fork();
    if (j < 0) die("fork", NULL);
    if (j == 0) {
        close(p[1]);
        if (fork() == 0) janitor(p[0]); /* the grandchild, re-parented away from H */
        _exit(0);
    }
    close(p[0]);
    /* not waited for here (on a loaded machine every scheduling round trip costs ms); a zombie until H exits */
    janitor_fd = p[1];
}

static void tell_janitor(const char *msg) {
    if (janitor_fd >= 0 && write(janitor_fd, msg, strlen(msg)) < 0) { /* the janitor is gone: nothing to do */ }
}

/* ---- /dev -------------------------------------------------------------------------------------------- */

static void private_dev(int shm_writable) {
    static const char *nodes[] = {"null", "zero", "full", "random", "urandom", "tty", "ptmx"};
    enum { N = sizeof nodes / sizeof nodes[0] };
    int fds[N], pts, shm;
    char path[64], via[64];
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "/dev/%s", nodes[i]);
        fds[i] = open(path, O_PATH | O_CLOEXEC);
    }
    pts = open("/dev/pts", O_PATH | O_DIRECTORY | O_CLOEXEC);
    shm = open("/dev/shm", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (mount("tmpfs", "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=755,size=64k") != 0) die("mount tmpfs on", "/dev");
    for (int i = 0; i < N; i++) {
        if (fds[i] < 0) continue;
        snprintf(path, sizeof path, "/dev/%s", nodes[i]);
        int t = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
        if (t < 0) die("create", path);
        close(t);
        snprintf(via, sizeof via, "/proc/self/fd/%d", fds[i]);
        if (mount(via, path, NULL, MS_BIND, NULL) != 0) die("bind", path);
        close(fds[i]);
    }
    if (pts >= 0) {
        if (mkdir("/dev/pts", 0755) != 0) die("mkdir", "/dev/pts");
        snprintf(via, sizeof via, "/proc/self/fd/%d", pts);
        if (mount(via, "/dev/pts", NULL, MS_BIND, NULL) != 0) die("bind", "/dev/pts");
        close(pts);
    }
    if (shm >= 0) {
        if (mkdir("/dev/shm", 01777) != 0) die("mkdir", "/dev/shm");
        snprintf(via, sizeof via, "/proc/self/fd/%d", shm);
        if (mount(via, "/dev/shm", NULL, MS_BIND, NULL) != 0) die("bind", "/dev/shm");
        if (remount("/dev/shm", !shm_writable) != 0) die("remount", "/dev/shm");
        close(shm);
    }
    static const char *links[][2] = {{"/proc/self/fd", "/dev/fd"}, {"/proc/self/fd/0", "/dev/stdin"},
                                     {"/proc/self/fd/1", "/dev/stdout"}, {"/proc/self/fd/2", "/dev/stderr"}};
    for (unsigned i = 0; i < sizeof links / sizeof links[0]; i++) {
        if (symlink(links[i][0], links[i][1]) != 0) die("symlink", links[i][1]);
    }
    if (mount(NULL, "/dev", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NOEXEC, NULL) != 0)
        die("remount read-only", "/dev");
}

/* ---- the command ------------------------------------------------------------------------------------- */

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void drop_capabilities(void) {
    /* securebits first (needs CAP_SETPCAP): an exec as uid 0 must not regain capabilities */
    if (prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS_LOCKED | SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED
              | SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE
              | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED) != 0) die("set securebits", NULL);
    for (int c = 0; c <= 63; c++) {
        if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) != 0 && errno != EINVAL) die("drop bounding capability", NULL);
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) die("clear ambient", NULL);
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2];
    memset(d, 0, sizeof d);
    if (syscall(SYS_capset, &h, d) != 0) die("capset", NULL);
}

static void run_command(const struct opts *o) {
    sigset_t none;
    sigemptyset(&none);
    for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (chdir(o->cwd) != 0) die("chdir", o->cwd); /* again: the cwd inherited may lie under a remounted mount */
    drop_capabilities();
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) die("no_new_privs", NULL);
    if (o->landlock_fd >= 0) {
        if (syscall(SYS_landlock_restrict_self, o->landlock_fd, 0) != 0) die("landlock_restrict_self", NULL);
        close(o->landlock_fd);
    }
    if (o->seccomp_hex) {
        size_t n = strlen(o->seccomp_hex) / 2;
        unsigned char *buf = malloc(n ? n : 1);
        if (!buf) die("malloc", NULL);
        for (size_t i = 0; i < n; i++) {
            int hi = hexval(o->seccomp_hex[2 * i]), lo = hexval(o->seccomp_hex[2 * i + 1]);
            if (hi < 0 || lo < 0) usage("--seccomp: not hex");
            buf[i] = (unsigned char) (hi * 16 + lo);
        }
        struct sock_fprog prog = {(unsigned short) (n / sizeof(struct sock_filter)), (struct sock_filter *) buf};
        if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) die("install seccomp filter", NULL);
    }
    execve(o->exec, o->argv, environ);
    int e = errno;
    dprintf(2, "jcodex-sandbox: %s: %s\n", o->argv[0], strerror(e));
    _exit(e == ENOENT ? 127 : 126);
}

/* ---- signals ----------------------------------------------------------------------------------------- */

static volatile pid_t forward_to;

/* Signals sent by a process (the daemon, kill(1)) are passed on; the terminal's own (si_code > 0, e.g. ^C to
 * the foreground group) already reach the command, which is in that group, so they are not doubled. */
static void forward(int sig, siginfo_t *info, void *ctx) {
    (void) ctx;
    if (info->si_code <= 0 && forward_to > 0) kill(forward_to, sig);
}

static void install_forwarding(void) {
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGCONT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = forward;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
    /* ^Z, background terminal reads/writes: the helpers are not jobs of the command's shell */
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
}

static int status_code(int st) {
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* PID 1 of the namespace: mounts /proc, starts the command, reaps everything, exits with the command. */
static void init_main(const struct opts *o, int alive_fd) {
    if (janitor_fd >= 0) close(janitor_fd); /* its EOF must not wait for init; the pidfd does */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) die("pdeathsig", NULL);
    struct pollfd p = {alive_fd, 0, 0};
    if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR))) _exit(125); /* H died before the prctl */
    if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0) die("mount", "/proc");
    install_forwarding();
    pid_t cmd = fork();
    if (cmd < 0) die("fork", NULL);
    if (cmd == 0) {
        close(alive_fd);
        run_command(o);
    }
    forward_to = cmd;
    int code = 125;
    for (;;) {
        int st;
        pid_t w = wait(&st);
        if (w < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (w == cmd) { code = status_code(st); break; }
    }
    _exit(code); /* the kernel now kills every process left in the namespace */
}

/* ---- main -------------------------------------------------------------------------------------------- */

static void parse(int argc, char **argv, struct opts *o) {
    memset(o, 0, sizeof *o);
    o->landlock_fd = -1;
    o->parent = -1;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--net")) { o->net = 1; continue; }
        if (!strcmp(a, "--shm")) { o->shm = 1; continue; }
        if (!v) usage("option without value");
        i++;
        if (!strcmp(a, "--parent")) o->parent = atol(v);
        else if (!strcmp(a, "--landlock-fd")) o->landlock_fd = atoi(v);
        else if (!strcmp(a, "--seccomp")) o->seccomp_hex = v;
        else if (!strcmp(a, "--cwd")) o->cwd = v;
        else if (!strcmp(a, "--exec")) o->exec = v;
        else if (!strcmp(a, "--rw") && o->nrw < MAX_PATHS) o->rw[o->nrw++] = v;
        else if (!strcmp(a, "--protect") && o->nprotect < MAX_PATHS) o->protect[o->nprotect++] = v;
        else if (!strcmp(a, "--ro") && o->nro < MAX_PATHS) o->ro[o->nro++] = v;
        else usage("unknown option or too many paths");
    }
    if (i >= argc || !o->cwd || !o->exec) usage("usage: jcodex-sandbox [options] --cwd DIR --exec FILE -- ARGV...");
    o->argv = &argv[i];
}

/* The namespaces: entered by a child of H (so that H stays in the daemon's namespaces and can clean up). */
static void sandbox_main(const struct opts *o, pid_t h) {
    uid_t uid = geteuid();
    gid_t gid = getegid();
    int flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | (o->net ? 0 : CLONE_NEWNET);
    if (unshare(flags) != 0) die("unshare", "(user namespaces unavailable?)");
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) die("pdeathsig", NULL);
    if (getppid() != h) _exit(125);
    char map[64];
    write_file("/proc/self/setgroups", "deny", 1);
    snprintf(map, sizeof map, "%u %u 1\n", uid, uid);
    write_file("/proc/self/uid_map", map, 0);
    snprintf(map, sizeof map, "%u %u 1\n", gid, gid);
    write_file("/proc/self/gid_map", map, 0);

    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) die("make mounts private", NULL);
    remount_all_readonly();
    for (int i = 0; i < o->nrw; i++) bind(o->rw[i], 0);
    mount_protected();
    for (int i = 0; i < o->nro; i++) {
        if (access(o->ro[i], F_OK) == 0) bind(o->ro[i], 1);
    }
    private_dev(o->shm);

    int alive[2];
    if (pipe2(alive, O_CLOEXEC) != 0) die("pipe", NULL);
    pid_t init = fork();
    if (init < 0) die("fork", NULL);
    if (init == 0) {
        close(alive[1]);
        init_main(o, alive[0]);
    }
    close(alive[0]);
    forward_to = init;
    char msg[32];
    snprintf(msg, sizeof msg, "P%ld\n", (long) init);
    tell_janitor(msg);
    if (janitor_fd >= 0) close(janitor_fd);
    if (o->landlock_fd >= 0) close(o->landlock_fd);
    int st = 0;
    while (waitpid(init, &st, 0) < 0) {
        if (errno != EINTR) die("wait", NULL);
    }
    _exit(status_code(st));
}

int main(int argc, char **argv) {
    struct opts o;
    parse(argc, argv, &o);
    prctl(PR_SET_NAME, "jcodex-sandbox", 0, 0, 0);
    /* Only 0-2 and the Landlock ruleset are passed on (the daemon also leaves this binary's own fd open). */
    for (int fd = 3; fd < 64; fd++) if (fd != o.landlock_fd) close(fd);
    if (o.landlock_fd >= 0) fcntl(o.landlock_fd, F_SETFD, FD_CLOEXEC);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) die("pdeathsig", NULL);
    if (o.parent > 0 && getppid() != o.parent) _exit(125); /* the daemon's thread is already gone */

    for (int i = 0; i < o.nprotect; i++) plan_protected(o.protect[i]);
    start_janitor();
    install_forwarding();
    pid_t h = getpid();
    pid_t child = fork();
    if (child < 0) die("fork", NULL);
    if (child == 0) sandbox_main(&o, h);
    forward_to = child;
    if (o.landlock_fd >= 0) close(o.landlock_fd);
    int st = 0;
    while (waitpid(child, &st, 0) < 0) {
        if (errno != EINTR) die("wait", NULL);
    }
    /* X exits normally only after init is reaped (or before it existed): the janitor may clean up now; the
     * rmdir (1-3 ms on a journaled disk mounted with discard) happens off the command's exit path */
    if (WIFEXITED(st)) tell_janitor("C\n");
    return status_code(st);
}
