# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped format: a Debian package built by CPack from the normal build tree
# (`cpack --config build/dev/CPackConfig.cmake`, or `cmake --build --preset dev --target package`).
# src/app and src/cli install the two binaries; this file installs the rest: the man pages made
# from the programs' own --help, the desktop entry, AppStream metainfo, the icon (SVG and PNGs
# rendered from it), the examples, the copyright file and the changelog. README "Install" says
# why the .deb is the shipped format.
if(PORTHOLE_FUZZ)
  return()
endif()

include(GNUInstallDirs)

# The man pages' date. The Debian changelog and the metainfo keep their own dated entries with
# notes; tests/packaging fails when either has none for this project's version.
set(PORTHOLE_RELEASE_DATE "2026-11-24")
set(pkg_dir ${PROJECT_SOURCE_DIR}/packaging)
set(pkg_out ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${pkg_out}/man ${pkg_out}/doc)

# Man pages: porthole-mangen runs `porthole-cli [COMMAND] --help` and `porthole --help` (with no
# display) and turns that text into roff, so the pages list exactly the declared options.
add_executable(porthole-mangen
  ${pkg_dir}/man/mangen.cpp ${pkg_dir}/man/helpdoc.cpp ${pkg_dir}/man/roffwriter.cpp)
target_link_libraries(porthole-mangen PRIVATE Qt6::Core porthole_options)
set(man_pages)
set(man_programs porthole-cli)
if(PORTHOLE_BUILD_GUI)
  list(APPEND man_programs porthole)
endif()
foreach(program ${man_programs})
  set(kind cli)
  if(program STREQUAL "porthole")
    set(kind app)
  endif()
  add_custom_command(
    OUTPUT ${pkg_out}/man/${program}.1 ${pkg_out}/man/${program}.1.gz
    # In a sanitizer build a leak report is not the man page's business.
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
            $<TARGET_FILE:porthole-mangen> ${kind} $<TARGET_FILE:${program}>
            ${pkg_out}/man/${program}.1 ${PORTHOLE_RELEASE_DATE} ${PROJECT_VERSION}
    # -n: no name or time stamp in the gzip header, so the package is reproducible.
    COMMAND gzip -9nf -k ${pkg_out}/man/${program}.1
    DEPENDS porthole-mangen ${program}
    COMMENT "Writing the man page ${program}(1) from ${program} --help"
    VERBATIM)
  list(APPEND man_pages ${pkg_out}/man/${program}.1.gz)
endforeach()
add_custom_target(porthole-manpages ALL DEPENDS ${man_pages})
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The Debian changelog of a native package is /usr/share/doc/porthole/changelog.gz.
add_custom_command(
  OUTPUT ${pkg_out}/doc/changelog.gz
  COMMAND gzip -9n -c ${pkg_dir}/debian/changelog > ${pkg_out}/doc/changelog.gz
  DEPENDS ${pkg_dir}/debian/changelog
  VERBATIM)
add_custom_target(porthole-changelog ALL DEPENDS ${pkg_out}/doc/changelog.gz)
install(FILES ${pkg_out}/doc/changelog.gz ${pkg_dir}/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The examples the app bundles, for porthole-cli: /usr/share/porthole/examples/nodes/*.json.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/porthole/examples)

if(PORTHOLE_BUILD_GUI)
  # Desktop integration: the entry, AppStream metainfo and the icon in every size.
  # AppStream takes screenshots by web URL only; with none configured the metainfo has none.
  set(PORTHOLE_SCREENSHOT_URL "" CACHE STRING
      "Public https URL of docs/screenshot.png, for the AppStream metainfo")
  set(PORTHOLE_METAINFO_SCREENSHOTS "")
  if(PORTHOLE_SCREENSHOT_URL)
    set(PORTHOLE_METAINFO_SCREENSHOTS "  <screenshots>
    <screenshot type=\"default\">
      <caption>A node in the editor, each template's value under its line, and the message Port would publish</caption>
      <image>${PORTHOLE_SCREENSHOT_URL}</image>
    </screenshot>
  </screenshots>")
  endif()
  configure_file(${pkg_dir}/linux/io.porthole.Porthole.metainfo.xml.in
                 ${pkg_out}/io.porthole.Porthole.metainfo.xml @ONLY)
  install(FILES ${pkg_out}/io.porthole.Porthole.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${pkg_dir}/linux/io.porthole.Porthole.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/porthole.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
          RENAME io.porthole.Porthole.svg)

  # PNG icons for menus and docks that do not scale SVGs, rendered from the one SVG.
  find_program(RSVG_CONVERT rsvg-convert)
  if(RSVG_CONVERT)
    set(icons)
    foreach(size 16 24 32 48 64 128 256)
      set(png ${pkg_out}/icons/${size}x${size}/io.porthole.Porthole.png)
      add_custom_command(
        OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${pkg_out}/icons/${size}x${size}
        COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png}
                ${PROJECT_SOURCE_DIR}/resources/icons/porthole.svg
        DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/porthole.svg
        VERBATIM)
      list(APPEND icons ${png})
      install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    add_custom_target(porthole-icons ALL DEPENDS ${icons})
  else()
    message(WARNING "rsvg-convert (librsvg2-bin) not found: the package gets the SVG icon only")
  endif()
  # Packages link without RELRO and immediate binding by default; lintian asks for both.
  target_link_options(porthole PRIVATE -Wl,-z,relro -Wl,-z,now)
endif()
target_link_options(porthole-cli PRIVATE -Wl,-z,relro -Wl,-z,now)
target_link_options(porthole-cli-net PRIVATE -Wl,-z,relro -Wl,-z,now)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME porthole)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The .deb's Maintainer. The default names no person and an address that cannot receive mail
# (.invalid, RFC 2606; lintian refuses a host without a dot such as localhost): whoever ships a
# package sets theirs (README "Install").
set(PORTHOLE_MAINTAINER "Porthole maintainers <maintainers@porthole.invalid>" CACHE STRING
    "Maintainer field of the Debian package: \"Name <address>\"")
set(CPACK_PACKAGE_CONTACT "${PORTHOLE_MAINTAINER}")
# The licence: packaging/debian/copyright in the package (Debian's form, pointing at
# /usr/share/common-licenses/GPL-3), the full text in LICENSE for generators that show one.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "inspector for Port's workflow Kafka action node")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # porthole_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends from the linked libraries (dpkg-shlibdeps, in dpkg-dev), plus what is loaded at run
# time and so invisible to it: QtKeychain dlopen()s libsecret; Qt's xcb and Wayland platform
# plugins (without qt6-wayland, a Wayland session runs the app through XWayland) and its SVG
# icon engine are plugins.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(PORTHOLE_BUILD_GUI)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libsecret-1-0, qt6-qpa-plugins, qt6-wayland, libqt6svg6")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
endif()
# CPack indents the text and marks its blank line as Debian wants.
file(READ ${pkg_dir}/debian/description CPACK_PACKAGE_DESCRIPTION)
string(STRIP "${CPACK_PACKAGE_DESCRIPTION}" CPACK_PACKAGE_DESCRIPTION)
include(CPack)
