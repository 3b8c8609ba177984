# ddlint in a container: Debian 12 slim, built in one stage, run in another as a non-root user.
#   docker build -t ddlint .
#   docker run --rm -v "$PWD:/src" ddlint db/        (lints /src/db; the working directory is /src)
# The build runs the same steps as the test suite's (tests/cli/templates.sh): scripts/install-deps.sh,
# then make. README "Docker".
FROM debian:12-slim AS build
WORKDIR /ddlint
COPY Makefile ./
COPY include include
COPY rules rules
COPY scripts scripts
COPY src src
RUN sh scripts/install-deps.sh
RUN make -j"$(nproc)" && sh scripts/runtime-deps.sh build/ddlint > build/runtime-packages

FROM debian:12-slim
COPY --from=build /ddlint/build/runtime-packages /tmp/runtime-packages
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends $(cat /tmp/runtime-packages) git \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages \
 && git config --system --add safe.directory /src \
 && useradd --system --uid 10001 --create-home --shell /usr/sbin/nologin ddlint
COPY --from=build /ddlint/build/ddlint /usr/local/bin/ddlint
USER ddlint
WORKDIR /src
ENTRYPOINT ["ddlint"]
CMD ["."]
