# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carrying the standard and the warnings every target of ours uses.
add_library(porthole_options INTERFACE)
target_compile_features(porthole_options INTERFACE cxx_std_20)
target_compile_options(porthole_options INTERFACE -Wall -Wextra -Wpedantic)
target_compile_definitions(porthole_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_KEYWORDS
  PORTHOLE_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  # librdkafka's RD_KAFKA_V_* macros are GNU statement expressions; -Wpedantic flags every use.
  target_compile_options(porthole_options INTERFACE -Wno-gnu-statement-expression)
endif()
if(PORTHOLE_WERROR)
  target_compile_options(porthole_options INTERFACE -Werror)
endif()

# Debug sections compressed with zlib, in objects and in what links them. Every test executable
# links the whole GUI library, and debug info is ~97% of each; uncompressed, the dev and asan
# trees took ~20 GB and a CI machine ran out of disk in the asan build. gdb, addr2line, GCC's
# sanitizer symbolizer (libbacktrace) and llvm-symbolizer all read compressed sections.
include(CheckCXXCompilerFlag)
check_cxx_compiler_flag(-gz PORTHOLE_HAS_GZ)
if(PORTHOLE_HAS_GZ)
  add_compile_options(-gz)
  add_link_options(-gz)
endif()

# ccache when installed: every preset's compiles go through it unless a launcher was chosen
# (-DCMAKE_CXX_COMPILER_LAUNCHER=… or the environment variable of that name). The cache lives
# in ccache's own folder (~/.cache/ccache), so it survives build trees and CI runs on one
# machine; scripts/dev.sh sets CCACHE_BASEDIR so that other checkouts share its hits.
option(PORTHOLE_CCACHE "Compile through ccache when it is installed" ON)
if(PORTHOLE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(PORTHOLE_CCACHE_PROGRAM ccache)
  if(PORTHOLE_CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${PORTHOLE_CCACHE_PROGRAM})
  endif()
endif()
