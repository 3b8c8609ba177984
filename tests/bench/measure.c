/* Run a command RUNS times with its output discarded; print the best wall time in seconds
 * and the largest peak resident memory in KiB. With -a first, any exit status is accepted
 * (other linters exit with their own codes); otherwise above 1 is a failure. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int any = argc > 1 && argv[1][0] == '-' && argv[1][1] == 'a';
	if (any) {
		argv++;
		argc--;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: measure [-a] RUNS COMMAND...\n");
		return 2;
	}
	int runs = atoi(argv[1]);
	double best = 1e9;
	long rss = 0;
	for (int r = 0; r < runs; r++) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		pid_t pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			dup2(null, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int st;
		struct rusage ru;
		wait4(pid, &st, 0, &ru);
		clock_gettime(CLOCK_MONOTONIC, &b);
		double t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		if (t < best)
			best = t;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
		if (!WIFEXITED(st) || (!any && WEXITSTATUS(st) > 1)) {
			fprintf(stderr, "measure: %s failed\n", argv[2]);
			return 2;
		}
	}
	printf("%.4f %ld\n", best, rss);
	return 0;
}
