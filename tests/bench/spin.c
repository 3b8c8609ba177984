/* spin N: N processes each doing the same fixed CPU-bound work; exits when all are done.
 * make bench compares spin 1 with spin <cores> to show how many cores are free right now. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	for (int i = 0; i < n; i++) {
		if (fork() == 0) {
			volatile unsigned long x = 0;
			for (unsigned long k = 0; k < 400000000UL; k++)
				x += k;
			_exit(x == 0);
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
